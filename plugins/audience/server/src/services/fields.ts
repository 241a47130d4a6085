import type { Core } from '@strapi/strapi';
import type { FieldDefinition } from '../domain/field-values';
import { FIELD_DEFINITION } from '../domain/uids';

const CACHE_MS = 5000;

// Custom field definitions, cached briefly: every subscriber write validates against them.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let cache: { at: number; definitions: FieldDefinition[] } | undefined;
  return {
    async definitions(): Promise<FieldDefinition[]> {
      if (cache && Date.now() - cache.at < CACHE_MS) return cache.definitions;
      const found = (await strapi.documents(FIELD_DEFINITION as never).findMany({ limit: 1000 } as never)) as unknown as FieldDefinition[];
      cache = { at: Date.now(), definitions: found };
      return found;
    },
    invalidate() {
      cache = undefined;
    },
  };
};
