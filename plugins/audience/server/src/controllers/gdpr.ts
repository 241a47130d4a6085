import type { Core } from '@strapi/strapi';
import { answering } from './refusals';

type Ctx = {
  params: { documentId?: string };
  query: Record<string, unknown>;
  status: number;
  body: unknown;
  attachment(fileName: string): void;
  badRequest(message: string): void;
  notFound(message: string): void;
  conflict(message: string): void;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const gdpr = () => strapi.plugin('audience').service('gdpr');
  const documentId = (ctx: Ctx) => String(ctx.params.documentId ?? '');
  const download = (ctx: Ctx, id: string) => ctx.attachment(`subscriber-${id}.json`);

  return {
    export: answering(async (ctx: Ctx) => {
      const data = await gdpr().export(documentId(ctx));
      download(ctx, documentId(ctx));
      return data;
    }),
    exportLink: answering((ctx: Ctx) => gdpr().exportLink(documentId(ctx)), 201),
    // Public: the signed link a subscriber follows. Reads only, so a link scanner fetching it changes nothing.
    exportByToken: answering(async (ctx: Ctx) => {
      const token = typeof ctx.query.token === 'string' ? ctx.query.token : undefined;
      const data = await gdpr().exportByToken(token);
      download(ctx, data.profile.documentId);
      return data;
    }),
    erase: answering((ctx: Ctx) => gdpr().erase(documentId(ctx))),
  };
};
