import type { Core } from '@strapi/strapi';
import { InvalidSegment } from '../services/engine';

type Ctx = {
  params: { documentId?: string };
  query: Record<string, unknown>;
  request: { body?: { rules?: unknown; limit?: unknown } };
  body: unknown;
  badRequest(message: string, details?: object): void;
  notFound(message: string): void;
};

// Counts and previews, for saved segments (by documentId) and for unsaved rules (the builder's live count).
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const engine = () => strapi.plugin('segments').service('engine');
  const run = async (ctx: Ctx, fn: (segment: unknown) => Promise<unknown>) => {
    const segment = ctx.params.documentId ?? ctx.request.body?.rules;
    if (segment === undefined) return ctx.badRequest('send { rules } in the body');
    const started = Date.now();
    try {
      const result = await fn(segment);
      ctx.body = { ...(result as object), tookMs: Date.now() - started };
    } catch (err) {
      if (!(err instanceof InvalidSegment)) throw err;
      if (ctx.params.documentId && err.path.length === 0) return ctx.notFound(err.message);
      return ctx.badRequest(`rules.${err.path.join('.')}: ${err.message}`, { path: ['rules', ...err.path] });
    }
  };
  return {
    count: (ctx: Ctx) => run(ctx, async (segment) => ({ count: await engine().count(segment) })),
    preview: (ctx: Ctx) =>
      run(ctx, async (segment) => ({
        subscribers: await engine().preview(segment, Number(ctx.request.body?.limit ?? ctx.query.limit ?? 20)),
      })),
  };
};
