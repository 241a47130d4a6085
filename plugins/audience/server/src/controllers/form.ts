import type { Core } from '@strapi/strapi';
import { factories } from '@strapi/strapi';
import type { Context } from 'koa';
import { BadQuery, idList } from '../../../../../types/shared/query';
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

  // GET /forms-counts?ids=a,b,c: the forms page's counts in one request (at most 100 forms).
  async countsOf(ctx: Context) {
    let ids: string[];
    try {
      ids = idList(ctx.query);
    } catch (err) {
      if (err instanceof BadQuery) return ctx.badRequest(err.message);
      throw err;
    }
    const counts: Map<string, unknown> = await strapi.plugin('audience').service('form-counts').of(ids);
    ctx.body = { data: Object.fromEntries(counts) };
  },

  // GET /forms/:documentId/counts
  async counts(ctx: Context) {
    const documentId = String(ctx.params.documentId ?? '');
    const form = await strapi.db.query(FORM as never).findOne({ where: { documentId }, select: ['id'] } as never);
    if (!form) return ctx.notFound('no such form');
    ctx.body = { data: (await strapi.plugin('audience').service('form-counts').of([documentId])).get(documentId) };
  },
}));
