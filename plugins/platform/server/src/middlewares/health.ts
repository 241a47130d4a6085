import type { Core } from '@strapi/strapi';

// GET /health, answered before the rest of the middleware stack: 200 when PostgreSQL and
// Redis answer, 503 when not, with queue depths in the body.
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (
    ctx: { path: string; method: string; status: number; body: unknown; set(h: string, v: string): void },
    next: () => Promise<void>
  ) => {
    if (ctx.path !== '/health' || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    const report = await strapi.plugin('platform').service('health').report();
    ctx.set('cache-control', 'no-store');
    ctx.status = report.status === 'ok' ? 200 : 503;
    ctx.body = report;
  };
