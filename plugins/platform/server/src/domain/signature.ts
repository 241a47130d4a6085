import { createHmac, timingSafeEqual } from 'node:crypto';

// Herald-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">.
// The timestamp is inside the MAC so a captured delivery cannot be replayed later.
export const signPayload = (secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string => {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
};

export const safeEqualHex = (a: string, b: string): boolean => {
  if (a.length !== b.length || a.length === 0) return false;
  return timingSafeEqual(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
};

export type VerifyResult = { ok: true } | { ok: false; reason: string };

export const verifySignature = (
  secret: string,
  body: string,
  header: string | undefined,
  { toleranceSeconds = 300, now = Date.now() } = {}
): VerifyResult => {
  if (!header) return { ok: false, reason: 'missing Herald-Signature header' };
  const parts = Object.fromEntries(
    header.split(',').map((part) => {
      const i = part.indexOf('=');
      return [part.slice(0, i).trim(), part.slice(i + 1).trim()];
    })
  );
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1) return { ok: false, reason: 'malformed Herald-Signature header' };
  if (Math.abs(now / 1000 - t) > toleranceSeconds) return { ok: false, reason: 'timestamp outside tolerance' };
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return safeEqualHex(expected, parts.v1) ? { ok: true } : { ok: false, reason: 'signature mismatch' };
};

// Mailgun signs timestamp + token with the webhook signing key (not the API key).
export const mailgunSignature = (signingKey: string, timestamp: string, token: string): string =>
  createHmac('sha256', signingKey).update(`${timestamp}${token}`).digest('hex');
