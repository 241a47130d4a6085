import { createHmac, type KeyObject } from 'node:crypto';
import { safeEqualHex } from './signature';

// Tokens for links a recipient follows (confirm, preferences, unsubscribe, GDPR export): the
// payload travels in the URL, so no id is trusted unless Herald signed it for that purpose, and
// every token expires. Format: base64url(JSON {p, s, e, d}).hex(HMAC-SHA256).
export type TokenPayload = { subject: string; expiresAt: number; data: Record<string, string> };
export type TokenReading = { ok: true; token: TokenPayload } | { ok: false; reason: 'malformed' | 'bad signature' | 'expired' };

const mac = (secret: string | KeyObject, purpose: string, body: string) =>
  createHmac('sha256', secret).update(`${purpose}.${body}`).digest('hex');

export const signToken = (
  secret: string | KeyObject,
  purpose: string,
  subject: string,
  ttlMs: number,
  data: Record<string, string> = {},
  now = Date.now()
): string => {
  const body = Buffer.from(JSON.stringify({ s: subject, e: now + ttlMs, d: data })).toString('base64url');
  return `${body}.${mac(secret, purpose, body)}`;
};

export const readToken = (secret: string, purpose: string, token: string | undefined, now = Date.now()): TokenReading => {
  const [body, signature, extra] = String(token ?? '').split('.');
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
  if (!safeEqualHex(mac(secret, purpose, body), signature)) return { ok: false, reason: 'bad signature' };
  let parsed: { s?: unknown; e?: unknown; d?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof parsed.s !== 'string' || typeof parsed.e !== 'number' || typeof parsed.d !== 'object' || parsed.d === null) {
    return { ok: false, reason: 'malformed' };
  }
  if (parsed.e < now) return { ok: false, reason: 'expired' };
  return { ok: true, token: { subject: parsed.s, expiresAt: parsed.e, data: parsed.d as Record<string, string> } };
};
