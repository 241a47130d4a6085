// Event bus throughput: events emitted into the outbox and dispatched (to an in-process subscriber
// and forwarded as BullMQ jobs) per second, beside raw BullMQ addBulk on the same Redis, in one run.
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import type { HeraldEvent } from '../types/shared/events';
import { startHerald } from '../test/harness/app';
import { deleteRedisPrefix } from '../test/harness/resources';
import { report } from './report';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 50_000);
const BATCH = 500;
const WRITERS = 4;

const herald = async () => {
  const app = await startHerald({ HERALD_PROCESS: 'web', LOG_LEVEL: 'error', EVENT_DISPATCH_BATCH: '1000' });
  try {
    const events = app.strapi.plugin('platform').service('events');
    let delivered = 0;
    events.subscribe('platform.test', (_e: HeraldEvent) => {
      delivered++;
    });
    events.forward('platform.test', 'bench-forward');
    await events.startDispatcher();

    const started = process.hrtime.bigint();
    let emittedAt = 0n;
    const perWriter = EVENTS / WRITERS;
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let i = 0; i < perWriter; i += BATCH) {
          const batch = Array.from({ length: Math.min(BATCH, perWriter - i) }, (_, j) => ({
            type: 'platform.test' as const,
            payload: { message: `${w}-${i + j}` },
            subject: `subject-${(i + j) % 1000}`,
          }));
          await app.strapi.db.connection.transaction((trx: unknown) => events.emitMany(batch, { transaction: trx }));
        }
      })
    );
    emittedAt = process.hrtime.bigint();
    while (delivered < EVENTS) await new Promise((r) => setTimeout(r, 5));
    const queue = app.strapi.plugin('platform').service('queues').queue('bench-forward');
    while ((await queue.getJobCountByTypes('waiting')) < EVENTS) await new Promise((r) => setTimeout(r, 5));
    const done = process.hrtime.bigint();
    return { emitSeconds: Number(emittedAt - started) / 1e9, totalSeconds: Number(done - started) / 1e9 };
  } finally {
    await app.stop();
  }
};

const rawAddBulk = async () => {
  const prefix = `herald:bench:raw:${process.pid}`;
  const connection = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const queue = new Queue('bench-raw', { connection, prefix });
  try {
    const started = process.hrtime.bigint();
    const perWriter = EVENTS / WRITERS;
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let i = 0; i < perWriter; i += BATCH) {
          const jobs = Array.from({ length: Math.min(BATCH, perWriter - i) }, (_, j) => ({
            name: 'platform.test',
            data: { id: `${w}-${i + j}`, type: 'platform.test', payload: { message: `${w}-${i + j}` } },
            opts: { jobId: `raw-${w}-${i + j}` },
          }));
          await queue.addBulk(jobs);
        }
      })
    );
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    await queue.close();
    connection.disconnect();
    await deleteRedisPrefix(prefix);
  }
};

export const run = async () => {
  const raw = await rawAddBulk();
  const bus = await herald();
  report(`Event bus, ${EVENTS} events (${WRITERS} writers, batches of ${BATCH})`, [
    { name: 'reference: raw BullMQ addBulk', seconds: raw, count: EVENTS },
    { name: 'Herald emit (outbox insert, committed)', seconds: bus.emitSeconds, count: EVENTS },
    { name: 'Herald emit → dispatched → subscriber + queue job', seconds: bus.totalSeconds, count: EVENTS },
  ]);
};

if (require.main === module) {
  run().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
