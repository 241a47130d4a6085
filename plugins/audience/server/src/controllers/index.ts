import type { Core } from '@strapi/strapi';
import { factories } from '@strapi/strapi';
import { FIELD_DEFINITION, SUBSCRIBER, TAG } from '../domain/uids';
import confirmation from './confirmation';
import consents from './consents';
import exports from './exports';
import form from './form';
import gdpr from './gdpr';
import imports from './imports';
import { PAGING_RULE, paging } from './paging';
import preferences from './preferences';
import publicForms from './public-forms';
import tagging from './tagging';

type Ctx = {
  params: { documentId?: string };
  query: Record<string, unknown>;
  body: unknown;
  badRequest(m: string): void;
  notFound(m: string): void;
};

const timeline = ({ strapi }: { strapi: Core.Strapi }) => ({
  // GET /subscribers/:documentId/timeline: newest first, paginated.
  async show(ctx: Ctx) {
    const page = paging(ctx.query);
    if (!page) return ctx.badRequest(PAGING_RULE);
    const documentId = String(ctx.params.documentId ?? '');
    const exists = await strapi.db.query(SUBSCRIBER as never).findOne({ where: { documentId }, select: ['id'] } as never);
    if (!exists) return ctx.notFound('no such subscriber');
    ctx.body = await strapi.plugin('audience').service('activity').timeline(documentId, page);
  },
});

export default {
  timeline,
  imports,
  exports,
  tagging,
  gdpr,
  consents,
  confirmation,
  preferences,
  'public-forms': publicForms,
  form,
  subscriber: factories.createCoreController(SUBSCRIBER as never),
  tag: factories.createCoreController(TAG as never),
  'field-definition': factories.createCoreController(FIELD_DEFINITION as never),
};
