import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { SUBSCRIBER } from '../domain/uids';

// GET /subscribers/:documentId/consents: the consent history, newest first.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Context) {
    const documentId = String(ctx.params.documentId ?? '');
    const exists = await strapi.db.query(SUBSCRIBER as never).findOne({ where: { documentId }, select: ['id'] } as never);
    if (!exists) return ctx.notFound('no such subscriber');
    ctx.body = { data: await strapi.plugin('audience').service('consents').forSubscriber(documentId) };
  },
});
