import type { Core } from '@strapi/strapi';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { KoaAdapter } from '@bull-board/koa';
import type { Queue } from 'bullmq';
import { ticketIsValid } from '../domain/dashboard-ticket';

export const DASHBOARD_PATH = '/herald/queues';
export const DASHBOARD_COOKIE = 'herald_queues';

type Ctx = { path: string; status: number; body: unknown; cookies: { get(name: string): string | undefined } };

// Bull Board, for admins holding a ticket cookie issued by the admin API (see queue-dashboard controller).
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  let mounted: { names: string; middleware: (ctx: Ctx, next: () => Promise<void>) => Promise<void> } | undefined;

  const board = () => {
    const queues = strapi.plugin('platform').service('queues');
    const names: string[] = queues.queueNames().sort();
    if (!mounted || mounted.names !== names.join()) {
      const adapter = new KoaAdapter();
      adapter.setBasePath(DASHBOARD_PATH);
      createBullBoard({
        queues: names.map((n) => new BullMQAdapter(queues.queue(n) as Queue)),
        serverAdapter: adapter,
        options: { uiConfig: { boardTitle: 'Herald queues' } },
      });
      mounted = { names: names.join(), middleware: adapter.registerPlugin() as never };
    }
    return mounted.middleware;
  };

  return async (ctx: Ctx, next: () => Promise<void>) => {
    if (ctx.path !== DASHBOARD_PATH && !ctx.path.startsWith(`${DASHBOARD_PATH}/`)) return next();
    const secret = strapi.plugin('platform').service('settings').signingSecret();
    if (!ticketIsValid(secret, ctx.cookies.get(DASHBOARD_COOKIE))) {
      ctx.status = 401;
      ctx.body = { error: 'Open the queue dashboard from the admin panel (Herald → Queues); your pass is missing or expired.' };
      return;
    }
    return board()(ctx, next);
  };
};
