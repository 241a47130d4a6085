import type { Core } from '@strapi/strapi';
import { isHeraldContentType } from '../domain/herald-plugins';
import { paginateNewestFirst } from '../repositories/paginate';

const AUDITED_ACTIONS = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

type Actor = { actor_type: string; actor_id: string | null; actor_label: string | null; ip: string | null; user_agent: string | null };

type RequestState = {
  isAuthenticatedAdmin?: boolean;
  user?: { id?: number | string; email?: string; username?: string };
  auth?: { strategy?: { name?: string }; credentials?: { id?: number | string; name?: string } };
};

// Who is behind the current request: an admin user, an API token, a users-permissions user,
// the public, or the system itself (jobs, bootstrap).
const actorOf = (strapi: Core.Strapi): Actor => {
  const ctx = strapi.requestContext.get() as { state?: RequestState; request?: { ip?: string }; get?: (h: string) => string } | undefined;
  if (!ctx) return { actor_type: 'system', actor_id: null, actor_label: null, ip: null, user_agent: null };
  const state = ctx.state ?? {};
  const where = { ip: ctx.request?.ip ?? null, user_agent: ctx.get?.('user-agent')?.slice(0, 500) || null };
  const strategy = state.auth?.strategy?.name;
  if (strategy === 'admin' || state.isAuthenticatedAdmin) {
    return { actor_type: 'admin', actor_id: String(state.user?.id ?? ''), actor_label: state.user?.email ?? null, ...where };
  }
  if (strategy === 'api-token' || strategy === 'content-api-token') {
    const token = state.auth?.credentials;
    return { actor_type: 'api-token', actor_id: String(token?.id ?? ''), actor_label: token?.name ?? null, ...where };
  }
  if (state.user)
    return { actor_type: 'user', actor_id: String(state.user.id), actor_label: state.user.email ?? state.user.username ?? null, ...where };
  return { actor_type: 'public', actor_id: null, actor_label: null, ...where };
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  // Who is acting right now, for other plugins' own records (timelines, consents).
  currentActor: (): Actor => actorOf(strapi),

  // Document Service middleware: records every write to a Herald content type, whatever the entry point.
  register() {
    strapi.documents.use(async (context, next) => {
      const result = await next();
      if (!isHeraldContentType(context.uid) || !AUDITED_ACTIONS.has(context.action)) return result;
      const params = context.params as { documentId?: string; data?: Record<string, unknown> };
      const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId ?? null;
      await strapi.db
        .connection('herald_audit_log')
        .insert({
          ...actorOf(strapi),
          action: context.action,
          entity_uid: context.uid,
          entity_id: documentId,
          changed_fields: Object.keys(params.data ?? {}),
        })
        .catch((err: Error) => strapi.log.error(`[audit] could not record ${context.action} on ${context.uid}: ${err.message}`));
      return result;
    });
  },

  async list({ page, pageSize, entityUid, actorType }: { page: number; pageSize: number; entityUid?: string; actorType?: string }) {
    const knex = strapi.db.connection;
    const base = knex('herald_audit_log').modify((q) => {
      if (entityUid) q.where({ entity_uid: entityUid });
      if (actorType) q.where({ actor_type: actorType });
    });
    return paginateNewestFirst(base, { page, pageSize });
  },
});
