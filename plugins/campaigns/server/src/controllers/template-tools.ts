import type { Core } from '@strapi/strapi';
import { LiquidError } from 'liquidjs';
import { z } from 'zod';
import type { RenderedEmail } from '../domain/render/email';
import { TemplateNotFound } from '../services/template';
import { SubscriberNotFound } from '../services/template-preview';

type Ctx = {
  request: { body?: unknown };
  body: unknown;
  badRequest(message: string, details?: object): void;
  notFound(message: string): void;
};

// A saved template (documentId) or the editor's unsaved blocks, rendered as one subscriber.
const sourceSchema = z.object({
  documentId: z.string().min(1).optional(),
  blocks: z.array(z.unknown()).optional(),
  preheader: z.string().nullable().optional(),
  name: z.string().optional(),
  subscriberDocumentId: z.string().min(1).optional(),
});
const previewSchema = sourceSchema.refine((b) => b.documentId || b.blocks, 'send { documentId } or { blocks }');
const sendTestSchema = sourceSchema
  .extend({
    to: z.array(z.email('to must hold email addresses')).min(1, 'to needs an address').max(10, 'send a test to at most 10 addresses'),
    subject: z.string().max(255).optional(),
  })
  .refine((b) => b.documentId || b.blocks, 'send { documentId } or { blocks }');

class InvalidTemplate extends Error {
  constructor(readonly issues: Array<{ path: Array<string | number>; message: string }>) {
    super(`${issues[0].path.join('.')}: ${issues[0].message}`);
  }
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const templates = () => strapi.plugin('campaigns').service('template');

  const compileSource = async (source: z.infer<typeof sourceSchema>): Promise<{ rendered: RenderedEmail; name: string }> => {
    if (source.blocks) {
      const result = await templates().check({ body: { blocks: source.blocks }, preheader: source.preheader });
      if (!result.ok) throw new InvalidTemplate(result.issues);
      return { rendered: await templates().render(result.body, source.preheader), name: source.name ?? 'Unsaved template' };
    }
    const saved = await strapi.documents('plugin::campaigns.template' as never).findOne({ documentId: source.documentId } as never);
    if (!saved) throw new TemplateNotFound(`no template ${source.documentId}`);
    return { rendered: await templates().compile(source.documentId!), name: (saved as unknown as { name: string }).name };
  };

  const personalised = async (source: z.infer<typeof sourceSchema>, subject: string | undefined) => {
    const { rendered, name } = await compileSource(source);
    const preview = strapi.plugin('campaigns').service('template-preview');
    const context = await preview.context(source.subscriberDocumentId, rendered.segments, { name, subject: subject ?? name });
    return { name, ...(await preview.personalise(rendered, context)) };
  };

  const respond = async <T>(ctx: Ctx, schema: z.ZodType<T>, fn: (input: T) => Promise<unknown>) => {
    const parsed = schema.safeParse(ctx.request.body ?? {});
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      return ctx.badRequest(issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message);
    }
    try {
      ctx.body = await fn(parsed.data);
    } catch (err) {
      if (err instanceof InvalidTemplate) return ctx.badRequest(err.message, { errors: err.issues });
      if (err instanceof TemplateNotFound || err instanceof SubscriberNotFound) return ctx.notFound(err.message);
      // The blocks were validated; only the free-form test subject can still hold broken Liquid.
      if (err instanceof LiquidError) return ctx.badRequest(`subject: ${err.message}`);
      throw err;
    }
  };

  return {
    preview: (ctx: Ctx) => respond(ctx, previewSchema, async (input) => ({ html: (await personalised(input, undefined)).html })),

    // One message per address, so test recipients never see each other.
    sendTest: (ctx: Ctx) =>
      respond(ctx, sendTestSchema, async (input) => {
        const { html, text, subject } = await personalised(input, input.subject);
        const brand = await strapi.plugin('campaigns').service('brand').get();
        const mail = strapi.plugin('platform').service('mail');
        for (const to of input.to) {
          await mail.send({
            from: `${brand.senderName} <${brand.senderAddress}>`,
            to,
            subject: `[Test] ${subject}`,
            html,
            text,
            tags: ['test'],
          });
        }
        return { sent: input.to.length };
      }),
  };
};
