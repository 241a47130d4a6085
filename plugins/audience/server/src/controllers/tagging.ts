import type { Core } from '@strapi/strapi';
import { answering } from './refusals';

type Ctx = {
  params: { id?: string };
  request: { body?: unknown };
  state: { user?: { email?: string }; auth?: { credentials?: { name?: string } } };
  status: number;
  body: unknown;
  badRequest(message: string): void;
  notFound(message: string): void;
  conflict(message: string): void;
};

// Who asked, for the timeline: the admin's address, or the API token's name.
const actorOf = (ctx: Ctx) =>
  ctx.state.user?.email ?? (ctx.state.auth?.credentials?.name ? `api:${ctx.state.auth.credentials.name}` : null);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const tagging = () => strapi.plugin('audience').service('tagging');
  return {
    // POST /tagging: 200 with the result when done in the request, 202 with the job (it has an id) to follow otherwise.
    apply: answering(
      (ctx: Ctx) => tagging().request(ctx.request.body, actorOf(ctx)),
      (body: object) => ('id' in body ? 202 : 200)
    ),
    show: answering((ctx: Ctx) => tagging().show(String(ctx.params.id ?? ''))),
  };
};
