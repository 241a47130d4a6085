import type { Core } from '@strapi/strapi';
import { TEMPLATE } from '../services/template';

type Ctx = {
  params: { documentId: string; version?: string };
  body: unknown;
  notFound(message: string): void;
};

// The version history of one template: list, look at one, restore one (which saves a new version).
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const versions = () => strapi.plugin('campaigns').service('template-versions');
  const found = async (ctx: Ctx) => {
    const version = await versions().find(ctx.params.documentId, Number(ctx.params.version));
    if (!version) ctx.notFound(`template ${ctx.params.documentId} has no version ${ctx.params.version}`);
    return version;
  };

  return {
    async list(ctx: Ctx) {
      ctx.body = { versions: await versions().list(ctx.params.documentId) };
    },
    async show(ctx: Ctx) {
      const version = await found(ctx);
      if (version) ctx.body = version;
    },
    async restore(ctx: Ctx) {
      const version = await found(ctx);
      if (!version) return;
      const data = { name: version.name, preheader: version.preheader, body: version.body };
      ctx.body = { data: await strapi.documents(TEMPLATE as never).update({ documentId: ctx.params.documentId, data } as never) };
    },
  };
};
