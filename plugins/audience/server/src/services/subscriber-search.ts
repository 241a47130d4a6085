import type { Core } from '@strapi/strapi';
import { withSearch } from '../domain/subscriber-search';
import { SUBSCRIBER } from '../domain/uids';

const READS = ['findMany', 'findFirst', 'count'];

// Every read of subscribers that carries a search (the Content Manager's list and its total, REST)
// gets Herald's indexed search instead of Strapi's full-table one.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  register() {
    strapi.documents.use(async (ctx, next) => {
      if (ctx.uid === SUBSCRIBER && READS.includes(ctx.action)) withSearch(ctx.params as Parameters<typeof withSearch>[0]);
      return next();
    });
  },
});
