import type { Core } from '@strapi/strapi';
import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { FORM } from '../domain/uids';

type FormResponse = { data?: { documentId: string; counts?: unknown } | null };

// Forms' REST, with each form's view, submission and confirmation counts beside it.
export default factories.createCoreController(FORM as never, ({ strapi }: { strapi: Core.Strapi }) => ({
  async findOne(ctx: Context) {
    const response = (await super.findOne(ctx)) as FormResponse;
    if (response?.data) {
      const counts = await strapi.plugin('audience').service('form-counts').of([response.data.documentId]);
      response.data.counts = counts.get(response.data.documentId);
    }
    return response;
  },

  // GET /forms/:documentId/counts
  async counts(ctx: Context) {
    const documentId = String(ctx.params.documentId ?? '');
    const form = await strapi.db.query(FORM as never).findOne({ where: { documentId }, select: ['id'] } as never);
    if (!form) return ctx.notFound('no such form');
    ctx.body = { data: (await strapi.plugin('audience').service('form-counts').of([documentId])).get(documentId) };
  },
}));
