import type { Core } from '@strapi/strapi';
import { answering } from './refusals';

type Ctx = {
  query: Record<string, unknown>;
  status: number;
  body: unknown;
  type: string;
  attachment(fileName: string): void;
  badRequest(message: string): void;
  notFound(message: string): void;
  conflict(message: string): void;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  // GET /exports/subscribers.csv?segment=… | tag, status, createdAfter, createdBefore, search
  subscribers: answering(async (ctx: Ctx) => {
    const { fileName, body } = await strapi.plugin('audience').service('export').subscribersCsv(ctx.query);
    ctx.attachment(fileName);
    ctx.type = 'text/csv; charset=utf-8';
    return body;
  }),
});
