import { createHmac } from 'node:crypto';
import { mailgunSignature, safeEqualHex, signPayload, verifySignature } from './signature';

describe('Herald-Signature', () => {
  const secret = 'whsec-0123456789abcdef';
  const body = '{"id":"1","type":"platform.test"}';

  it('signs timestamp and body with HMAC-SHA256', () => {
    const header = signPayload(secret, body, 1700000000);
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(header).toBe(`t=1700000000,v1=${expected}`);
  });

  it('verifies its own signature and refuses tampering, other secrets and stale timestamps', () => {
    const now = 1700000000 * 1000;
    const header = signPayload(secret, body, 1700000000);
    expect(verifySignature(secret, body, header, { now })).toEqual({ ok: true });
    expect(verifySignature(secret, `${body} `, header, { now })).toEqual({ ok: false, reason: 'signature mismatch' });
    expect(verifySignature('another-secret-123456', body, header, { now })).toEqual({ ok: false, reason: 'signature mismatch' });
    expect(verifySignature(secret, body, header, { now: now + 301_000 })).toEqual({ ok: false, reason: 'timestamp outside tolerance' });
    expect(verifySignature(secret, body, undefined, { now }).ok).toBe(false);
    expect(verifySignature(secret, body, 'garbage', { now })).toEqual({ ok: false, reason: 'malformed Herald-Signature header' });
  });

  it('compares in constant time only strings of equal length', () => {
    expect(safeEqualHex('abcd', 'abcd')).toBe(true);
    expect(safeEqualHex('abcd', 'abce')).toBe(false);
    expect(safeEqualHex('abcd', 'abc')).toBe(false);
    expect(safeEqualHex('', '')).toBe(false);
  });

  it('computes Mailgun webhook signatures over timestamp + token', () => {
    const expected = createHmac('sha256', 'signing-key').update('1700000000tok').digest('hex');
    expect(mailgunSignature('signing-key', '1700000000', 'tok')).toBe(expected);
  });
});
