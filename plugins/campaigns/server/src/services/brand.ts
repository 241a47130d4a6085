import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { brandInputSchema, brandWithDefaults, type Brand } from '../domain/render/brand';

export const BRAND = 'plugin::campaigns.brand';

// The brand every template renders with, and the check that keeps it safe to put in styles.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(): Promise<Brand> {
    const stored = await strapi.documents(BRAND as never).findFirst({} as never);
    return brandWithDefaults(stored as never);
  },

  register() {
    strapi.documents.use(async (ctx, next) => {
      if (ctx.uid !== BRAND || !['create', 'update'].includes(ctx.action)) return next();
      const parsed = brandInputSchema.safeParse((ctx.params as { data?: unknown }).data ?? {});
      if (!parsed.success) {
        const [issue] = parsed.error.issues;
        const path = issue.path.map(String);
        throw new errors.ValidationError(`${path.join('.')}: ${issue.message}`, {
          errors: [{ path, message: issue.message, name: 'ValidationError' }],
        });
      }
      return next();
    });
  },
});
