import { createSecretKey } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { readToken, signToken } from '../domain/signed-token';

// Signed, expiring link tokens for every plugin (confirmation, preferences, unsubscribe, GDPR).
// A purpose string keeps a token for one link from opening another.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const secret = (): string => strapi.plugin('platform').service('settings').signingSecret();
  // Tokens of one purpose, with the key looked up and prepared once (a campaign batch signs a thousand).
  const issuer = (purpose: string, ttlMs: number) => {
    const key = createSecretKey(Buffer.from(secret()));
    return (subject: string, data: Record<string, string> = {}) => signToken(key, purpose, subject, ttlMs, data);
  };
  return {
    issue: (purpose: string, subject: string, ttlMs: number, data: Record<string, string> = {}) => issuer(purpose, ttlMs)(subject, data),
    issuer,
    read: (purpose: string, token: string | undefined) => readToken(secret(), purpose, token),
  };
};
