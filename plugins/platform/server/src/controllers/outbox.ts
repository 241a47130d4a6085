import type { Core } from '@strapi/strapi';
import { idParam, optionalString, pagingOf } from '../../../../../types/shared/query';
import { handle } from './handle';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const mail = () => strapi.plugin('platform').service('mail');
  return {
    list: handle(async (ctx) => ({
      transport: mail().transportName(),
      ...(await mail().listOutbox({ ...pagingOf(ctx.query), q: optionalString(ctx.query, 'q') })),
    })),
    show: handle((ctx) => mail().outboxMessage(idParam(ctx.params.id)), 'no such message'),
  };
};
