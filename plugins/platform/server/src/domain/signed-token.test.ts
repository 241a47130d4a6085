import { createSecretKey } from 'node:crypto';
import { readToken, signToken } from './signed-token';

describe('signed link tokens', () => {
  const secret = 's3cret';
  const now = 1_800_000_000_000;

  it('reads back what was signed, for the same purpose, until it expires', () => {
    const token = signToken(secret, 'preferences', 'doc-1', 60_000, { form: 'f1' }, now);
    expect(readToken(secret, 'preferences', token, now + 59_999)).toEqual({
      ok: true,
      token: { subject: 'doc-1', expiresAt: now + 60_000, data: { form: 'f1' } },
    });
    expect(readToken(secret, 'preferences', token, now + 60_001)).toEqual({ ok: false, reason: 'expired' });
  });

  it('signs with a prepared key object exactly as with its secret string', () => {
    const token = signToken(createSecretKey(Buffer.from('sécret')), 'preferences', 'doc-1', 60_000, {}, now);
    expect(token).toBe(signToken('sécret', 'preferences', 'doc-1', 60_000, {}, now));
    expect(readToken('sécret', 'preferences', token, now)).toMatchObject({ ok: true });
  });

  it('refuses a token signed for another purpose, with another secret, or altered', () => {
    const token = signToken(secret, 'confirm', 'doc-1', 60_000, {}, now);
    expect(readToken(secret, 'unsubscribe', token, now)).toEqual({ ok: false, reason: 'bad signature' });
    expect(readToken('other', 'confirm', token, now)).toEqual({ ok: false, reason: 'bad signature' });
    const [body, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ s: 'doc-2', e: now + 60_000, d: {} })).toString('base64url');
    expect(readToken(secret, 'confirm', `${forged}.${mac}`, now)).toEqual({ ok: false, reason: 'bad signature' });
    expect(readToken(secret, 'confirm', `${body}.${mac}.x`, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(readToken(secret, 'confirm', undefined, now)).toEqual({ ok: false, reason: 'malformed' });
  });
});
