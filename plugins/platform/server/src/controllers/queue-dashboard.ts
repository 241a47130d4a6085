import type { Core } from '@strapi/strapi';
import { issueTicket } from '../domain/dashboard-ticket';
import { DASHBOARD_COOKIE, DASHBOARD_PATH } from '../middlewares/queue-dashboard';

const TTL_MS = 15 * 60 * 1000;

type Ctx = {
  state: { user?: { id: number | string } };
  secure: boolean;
  cookies: { set(name: string, value: string, options: Record<string, unknown>): void };
  body: unknown;
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  // Hands the signed-in admin a short-lived pass for the dashboard, as an HttpOnly cookie.
  async session(ctx: Ctx) {
    const secret = strapi.plugin('platform').service('settings').signingSecret();
    ctx.cookies.set(DASHBOARD_COOKIE, issueTicket(secret, String(ctx.state.user?.id ?? ''), TTL_MS), {
      httpOnly: true,
      sameSite: 'strict',
      path: DASHBOARD_PATH,
      maxAge: TTL_MS,
      secure: ctx.secure,
      overwrite: true,
    });
    ctx.body = { url: DASHBOARD_PATH, expiresInSeconds: TTL_MS / 1000 };
  },

  async overview(ctx: Ctx) {
    ctx.body = await strapi.plugin('platform').service('health').report();
  },
});
