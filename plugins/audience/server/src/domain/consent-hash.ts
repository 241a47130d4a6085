import { createHash } from 'node:crypto';
import { normalizeEmail } from './subscriber-input';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

// Consent rows outlive an erased subscriber only as this hash, so it must be computed one way everywhere.
export const emailHash = (email: string): string => sha256(normalizeEmail(email));

export const wordingHash = (wording: string): string => sha256(wording);
