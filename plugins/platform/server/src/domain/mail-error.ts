import type { MailErrorKind } from '../../../../../types/shared/mail';

export class MailTransportError extends Error {
  constructor(
    message: string,
    readonly kind: MailErrorKind,
    readonly status?: number,
    readonly retryAfterMs?: number
  ) {
    super(message);
    this.name = 'MailTransportError';
  }
}

// Codes meaning the request never reached the provider: a retry cannot duplicate anything.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

type ProviderError = {
  status?: number;
  statusCode?: number;
  code?: string;
  message?: string;
  details?: unknown;
  headers?: Record<string, string>;
};

// Sorts a provider or network failure into what the sender should do about it.
export const classifyMailError = (err: unknown): MailTransportError => {
  const e = (err ?? {}) as ProviderError;
  const detail = typeof e.details === 'string' ? e.details : (e.message ?? 'unknown error');
  // mailgun.js reports network failures as status 400 with the socket error code as the message.
  const code = e.code ?? (/^E[A-Z]+$/.test(e.message ?? '') ? e.message : undefined);
  if (code) {
    return NOT_SENT.has(code)
      ? new MailTransportError(`not sent (${code}): ${detail}`, 'retryable')
      : new MailTransportError(`outcome unknown (${code}): ${detail}`, 'unknown-outcome');
  }
  const status = e.status ?? e.statusCode;
  if (status === 429) {
    const retryAfter = Number(e.headers?.['retry-after']);
    return new MailTransportError(
      `rate limited: ${detail}`,
      'rate-limited',
      429,
      Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined
    );
  }
  if (status && status >= 500) return new MailTransportError(`provider error ${status}: ${detail}`, 'retryable', status);
  if (status && status >= 400) return new MailTransportError(`rejected ${status}: ${detail}`, 'rejected', status);
  return new MailTransportError(`outcome unknown: ${detail}`, 'unknown-outcome');
};

// Mailgun-style substitution: %recipient.name% in any text part.
export const substitute = (text: string | undefined, variables: Record<string, string | number>): string | undefined =>
  text?.replace(/%recipient\.([A-Za-z0-9_]+)%/g, (whole, name: string) => (name in variables ? String(variables[name]) : whole));
