import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { TEMPLATE } from './template';

type TemplateData = { name?: string; preheader?: string | null; body?: unknown };
type Saved = { documentId: string; name: string; preheader?: string | null; body: unknown };

// On every write path (REST, GraphQL, content manager, restore): refuse an invalid template with a
// 400 pointing at the bad block, and keep a version of every save.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  register() {
    strapi.documents.use((async (ctx: { uid: string; action: string; params: unknown }, next: () => Promise<unknown>) => {
      if (ctx.uid !== TEMPLATE || !['create', 'update'].includes(ctx.action)) return next();
      const data = ((ctx.params as { data?: TemplateData }).data ??= {});
      if (ctx.action === 'create' || 'body' in data || 'preheader' in data) {
        const current =
          ctx.action === 'update'
            ? ((await strapi
                .documents(TEMPLATE as never)
                .findOne({ documentId: (ctx.params as { documentId: string }).documentId } as never)) as Saved | null)
            : null;
        const result = await strapi
          .plugin('campaigns')
          .service('template')
          .check({
            body: 'body' in data ? data.body : current?.body,
            preheader: 'preheader' in data ? data.preheader : current?.preheader,
          });
        if (!result.ok) {
          const [first] = result.issues;
          throw new errors.ValidationError(`${first.path.join('.')}: ${first.message}`, {
            errors: result.issues.map((issue: { path: string[]; message: string }) => ({ ...issue, name: 'ValidationError' })),
          });
        }
        if ('body' in data || ctx.action === 'create') data.body = result.body;
      }
      const saved = (await next()) as unknown as Saved;
      await strapi.plugin('campaigns').service('template-versions').record(saved);
      return saved;
    }) as never);
  },
});
