import type { Core } from '@strapi/strapi';
import { optionalString, pagingOf } from '../../../../../types/shared/query';
import { handle } from './handle';

const ACTORS = ['admin', 'api-token', 'user', 'public', 'system'] as const;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  list: handle((ctx) =>
    strapi
      .plugin('platform')
      .service('audit')
      .list({
        ...pagingOf(ctx.query),
        entityUid: optionalString(ctx.query, 'entityUid'),
        actorType: optionalString(ctx.query, 'actorType', ACTORS),
      })
  ),
});
