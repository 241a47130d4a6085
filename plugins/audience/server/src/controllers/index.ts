import type { Core } from '@strapi/strapi';
import { factories } from '@strapi/strapi';
import { FIELD_DEFINITION, SUBSCRIBER, TAG } from '../domain/uids';
import confirmation from './confirmation';
import consents from './consents';
import exports from './exports';
import form from './form';
import gdpr from './gdpr';
import imports from './imports';
import { BadQuery, pagingOf } from '../../../../../types/shared/query';
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
    let page;
    try {
      page = pagingOf(ctx.query);
    } catch (err) {
      if (err instanceof BadQuery) return ctx.badRequest(err.message);
      throw err;
    }
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
