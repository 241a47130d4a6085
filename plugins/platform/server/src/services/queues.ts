import type { Core } from '@strapi/strapi';
import { Queue, Worker, type Processor, type WorkerOptions, type JobsOptions } from 'bullmq';
import Redis from 'ioredis';
import { runsWorkers, type HeraldConfig } from '../domain/herald-config';

type WorkerDefinition = { name: string; processor: Processor; options: Partial<WorkerOptions> };

// The one place Herald creates BullMQ queues and workers: a shared connection, one key prefix
// per environment (or test run), retry and retention defaults, and an orderly drain on shutdown.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('herald') as HeraldConfig;
  let connection: Redis | undefined;
  const queues = new Map<string, Queue>();
  const definitions: WorkerDefinition[] = [];
  const workers: Worker[] = [];
  let started = false;

  const redis = (): Redis => {
    connection ??= new Redis(config().redis.url, { maxRetriesPerRequest: null, enableReadyCheck: true });
    return connection;
  };

  const defaultJobOptions = (): JobsOptions => ({
    attempts: config().queues.attempts,
    backoff: { type: 'exponential', delay: config().queues.backoffMs },
    removeOnComplete: { age: 3600, count: 5000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  });

  const start = (def: WorkerDefinition) => {
    const worker = new Worker(def.name, def.processor, {
      connection: redis(),
      prefix: config().redis.prefix,
      concurrency: 4,
      ...def.options,
    });
    worker.on('failed', (job, err) => {
      strapi.log.warn(`[queues] ${def.name} job ${job?.id ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${err.message}`);
    });
    worker.on('error', (err) => strapi.log.error(`[queues] ${def.name} worker error: ${err.message}`));
    workers.push(worker);
  };

  return {
    redis,
    prefix: () => config().redis.prefix,

    queue(name: string): Queue {
      let queue = queues.get(name);
      if (!queue) {
        queue = new Queue(name, { connection: redis(), prefix: config().redis.prefix, defaultJobOptions: defaultJobOptions() });
        queue.on('error', (err) => strapi.log.error(`[queues] ${name}: ${err.message}`));
        queues.set(name, queue);
      }
      return queue;
    },

    queueNames: (): string[] => [...new Set([...queues.keys(), ...definitions.map((d) => d.name)])],

    // Plugins call this from register or bootstrap; workers start once the app is ready and only
    // in processes that run workers (HERALD_PROCESS=worker or all).
    registerWorker(name: string, processor: Processor, options: Partial<WorkerOptions> = {}) {
      const def = { name, processor, options };
      definitions.push(def);
      this.queue(name);
      if (started && runsWorkers(config())) start(def);
    },

    startWorkers() {
      if (started) return;
      started = true;
      if (runsWorkers(config())) definitions.forEach(start);
    },

    runningWorkers: () => workers.length,

    async depths(): Promise<Record<string, Record<string, number>>> {
      const out: Record<string, Record<string, number>> = {};
      for (const name of this.queueNames()) {
        out[name] = await this.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
      }
      return out;
    },

    // Stop taking jobs, let the ones in flight finish within the drain timeout, then close.
    async close() {
      const timeoutMs = config().queues.drainTimeoutMs;
      let timer: NodeJS.Timeout | undefined;
      const graceful = Promise.all(workers.map((w) => w.close())).then(() => true);
      const expired = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const drained = await Promise.race([graceful, expired]);
      clearTimeout(timer);
      if (!drained) {
        strapi.log.warn(`[queues] drain timeout (${timeoutMs} ms) reached; jobs still running will be retried by another worker`);
        await Promise.all(workers.map((w) => w.close(true)));
      }
      workers.length = 0;
      await Promise.all([...queues.values()].map((q) => q.close()));
      queues.clear();
      if (connection) {
        await connection.quit().catch(() => connection?.disconnect());
        connection = undefined;
      }
      started = false;
    },
  };
};
