import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { HeraldConfig } from '../domain/herald-config';

// Herald's signing secret (tokens, tickets). Production refuses to boot without one; a development
// process without it gets a random one that lives as long as the process.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let fallback: string | undefined;
  return {
    signingSecret(): string {
      const configured = (strapi.config.get('herald') as HeraldConfig).signingSecret;
      if (configured) return configured;
      fallback ??= randomBytes(32).toString('hex');
      return fallback;
    },
    config: () => strapi.config.get('herald') as HeraldConfig,
  };
};
