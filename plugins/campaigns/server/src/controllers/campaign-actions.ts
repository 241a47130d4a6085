import type { Core } from '@strapi/strapi';
import { BadQuery, idList } from '../../../../../types/shared/query';

type Ctx = { params: { documentId?: string }; request: { body?: Record<string, unknown> }; status: number; body: unknown };

const NAMES: Record<number, string> = { 400: 'ValidationError', 404: 'NotFoundError', 409: 'ConflictError' };

// Campaign actions for the admin panel and REST. Refusals carry the reason: an illegal status
// change is a 409 saying which change and why.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const campaigns = () => strapi.plugin('campaigns').service('campaign');

  const act =
    (run: (documentId: string, body: Record<string, unknown>) => Promise<unknown>) =>
    async (ctx: Ctx): Promise<void> => {
      try {
        const documentId = String(ctx.params.documentId ?? '');
        const result = await run(documentId, ctx.request.body ?? {});
        // Status changes answer with the campaign's progress, which carries its new status.
        ctx.body = { data: result !== null && typeof result === 'object' ? result : await campaigns().progress(documentId) };
      } catch (err) {
        const status = (err as { status?: number }).status;
        if (!status || !NAMES[status]) throw err;
        ctx.status = status;
        ctx.body = { data: null, error: { status, name: NAMES[status], message: (err as Error).message } };
      }
    };

  return {
    // ?ids=a,b,c: the campaign list's statuses and totals in one request (at most 100 campaigns).
    async overview(ctx: Ctx & { query: Record<string, unknown> }) {
      try {
        ctx.body = { data: await campaigns().overview(idList(ctx.query)) };
      } catch (err) {
        if (!(err instanceof BadQuery)) throw err;
        ctx.status = 400;
        ctx.body = { data: null, error: { status: 400, name: 'ValidationError', message: err.message } };
      }
    },
    count: act(async (id, body) => ({ count: await campaigns().audienceCount(id, body.audience) })),
    send: act((id) => campaigns().sendNow(id)),
    schedule: act((id, body) => campaigns().schedule(id, body.schedule)),
    pause: act((id) => campaigns().pause(id)),
    resume: act((id) => campaigns().resume(id)),
    cancel: act((id) => campaigns().cancel(id)),
    duplicate: act((id) => campaigns().duplicate(id)),
    progress: act((id) => campaigns().progress(id)),
    resolveUnknown: act((id, body) => campaigns().resolveUnknown(id, body.decision)),
  };
};
