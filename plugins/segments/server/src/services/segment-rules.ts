import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SEGMENT } from './engine';

// Refuses a segment whose rule tree does not validate, pointing at the failing node, on every write path.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  register() {
    strapi.documents.use(async (ctx, next) => {
      if (ctx.uid !== SEGMENT || !['create', 'update'].includes(ctx.action)) return next();
      const data = (ctx.params as { data?: { rules?: unknown } }).data ?? {};
      if (ctx.action === 'create' || 'rules' in data) {
        const result = await strapi.plugin('segments').service('engine').validate(data.rules);
        if (!result.ok) {
          const path = ['rules', ...result.path].join('.');
          throw new errors.ValidationError(`${path}: ${result.message}`, {
            errors: [{ path: ['rules', ...result.path], message: result.message, name: 'ValidationError' }],
          });
        }
        data.rules = result.rules;
      }
      return next();
    });
  },
});
