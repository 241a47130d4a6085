import { IANAZone } from 'luxon';

// One address syntax check for every entry point: practical RFC 5321 limits, not the full RFC 5322 grammar.
const EMAIL = /^[^\s@"<>(),;:\\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export const emailProblem = (email: unknown): string | null => {
  if (typeof email !== 'string' || email.trim() === '') return 'is required';
  const normalized = normalizeEmail(email);
  if (normalized.length > 254) return 'must be at most 254 characters';
  const [local] = normalized.split('@');
  if (!EMAIL.test(normalized) || local.length > 64) return `is not a valid email address (got ${JSON.stringify(email)})`;
  return null;
};

export const timeZoneProblem = (zone: unknown): string | null => {
  if (zone === null || zone === undefined || zone === '') return null;
  return typeof zone === 'string' && IANAZone.isValidZone(zone)
    ? null
    : `must be an IANA time zone such as Europe/Paris (got ${JSON.stringify(zone)})`;
};

export const languageProblem = (language: unknown): string | null => {
  if (language === null || language === undefined || language === '') return null;
  if (typeof language !== 'string') return 'must be a language tag such as en or pt-BR';
  try {
    return Intl.getCanonicalLocales(language).length === 1 ? null : 'must be one language tag';
  } catch {
    return `must be a language tag such as en or pt-BR (got ${JSON.stringify(language)})`;
  }
};
