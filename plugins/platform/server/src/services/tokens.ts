import type { Core } from '@strapi/strapi';
import { readToken, signToken } from '../domain/signed-token';

// Signed, expiring link tokens for every plugin (confirmation, preferences, unsubscribe, GDPR).
// A purpose string keeps a token for one link from opening another.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const secret = (): string => strapi.plugin('platform').service('settings').signingSecret();
  return {
    issue: (purpose: string, subject: string, ttlMs: number, data: Record<string, string> = {}) =>
      signToken(secret(), purpose, subject, ttlMs, data),
    read: (purpose: string, token: string | undefined) => readToken(secret(), purpose, token),
  };
};
