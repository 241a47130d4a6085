import type { Core } from '@strapi/strapi';

type Check = { ok: boolean; latencyMs: number; error?: string };

const timed = async (fn: () => Promise<unknown>, timeoutMs: number): Promise<Check> => {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: Date.now() - started };
  } catch (err) {
    return { ok: false, latencyMs: Date.now() - started, error: (err as Error).message };
  } finally {
    clearTimeout(timer);
  }
};

// What a load balancer (status code) and a human (body) need to know about this process.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async report() {
    const queues = strapi.plugin('platform').service('queues');
    const [postgres, redis] = await Promise.all([
      timed(() => strapi.db.connection.raw('SELECT 1'), 2000),
      timed(() => queues.redis().ping(), 2000),
    ]);
    let depths: Record<string, Record<string, number>> = {};
    if (redis.ok) depths = await queues.depths().catch(() => ({}));
    return {
      status: postgres.ok && redis.ok ? 'ok' : 'unavailable',
      process: (strapi.config.get('herald') as { processRole: string }).processRole,
      uptimeSeconds: Math.round(process.uptime()),
      checks: { postgres, redis },
      queues: depths,
      workers: queues.runningWorkers(),
    };
  },
});
