import type { Core } from '@strapi/strapi';
import { idParam, optionalString, pagingOf } from '../../../../../types/shared/query';
import { handle } from './handle';

const STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const webhooks = () => strapi.plugin('platform').service('webhooks');
  return {
    list: handle((ctx) => webhooks().list({ ...pagingOf(ctx.query), status: optionalString(ctx.query, 'status', STATUSES) })),
    show: handle((ctx) => webhooks().details(idParam(ctx.params.id)), 'no such delivery'),
    resend: handle((ctx) => webhooks().resend(idParam(ctx.params.id)), 'no such delivery'),
  };
};
