import type { Knex } from 'knex';
import { Client, type ClientConfig } from 'pg';
import type { HeraldEvent } from '../../../../../types/shared/events';
import { backoffDelay } from '../domain/backoff';
import { fromJsonb } from '../repositories/jsonb';

// Advisory-lock namespace for dispatch partitions ("HE").
const LOCK_NAMESPACE = 0x4845;
const MAX_ATTEMPTS = 10;
const PARALLEL_PARTITIONS = 4;

type Row = {
  id: string;
  type: string;
  subject: string;
  payload: unknown;
  created_at: Date;
  attempts: number;
  next_attempt_at: Date | null;
};

export interface DispatcherOptions {
  knex: Knex;
  listenConnection: ClientConfig;
  partitions: number;
  batchSize: number;
  pollMs: number;
  // In-process subscribers for one event; a throw schedules a retry of that event.
  handle: (event: HeraldEvent) => Promise<void>;
  // Queue consumers for a batch of handled events, in one round trip per queue.
  forward: (events: HeraldEvent[]) => Promise<void>;
  log: { warn(msg: string): void; error(msg: string): void };
}

const toEvent = (row: Row): HeraldEvent =>
  ({
    id: String(row.id),
    type: row.type,
    subject: row.subject,
    payload: fromJsonb(row.payload),
    createdAt: row.created_at.toISOString(),
  }) as HeraldEvent;

// Delivers outbox events at least once, in order per subject. Each partition is worked by one
// dispatcher at a time (transaction-scoped advisory lock), so any number of worker processes can
// run a dispatcher without delivering an event twice while they are all healthy.
export class EventDispatcher {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private listener?: Client;

  constructor(private readonly options: DispatcherOptions) {}

  async start() {
    this.running = true;
    this.listener = new Client(this.options.listenConnection);
    this.listener.on('error', (err) => this.options.log.warn(`[events] listen connection: ${err.message}`));
    await this.listener.connect();
    this.listener.on('notification', () => this.wake?.());
    await this.listener.query('LISTEN herald_events');
    this.loop = this.run();
  }

  async stop() {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  // One pass over every partition that has pending work; returns how many events it delivered.
  async drainOnce(): Promise<number> {
    const { knex } = this.options;
    const pending: Array<{ partition: number }> = await knex('herald_events')
      .distinct('partition')
      .whereNull('delivered_at')
      .whereNull('dead_at');
    // A few partitions at a time: they are independent, and each holds one pooled connection.
    let delivered = 0;
    const queue = pending.map((p) => p.partition);
    const lane = async () => {
      for (let partition = queue.shift(); partition !== undefined; partition = queue.shift())
        delivered += await this.runPartition(partition);
    };
    await Promise.all(Array.from({ length: PARALLEL_PARTITIONS }, lane));
    return delivered;
  }

  private async run() {
    while (this.running) {
      let delivered = 0;
      try {
        delivered = await this.drainOnce();
      } catch (err) {
        this.options.log.error(`[events] dispatch round failed: ${(err as Error).message}`);
      }
      if (delivered === 0 && this.running) await this.sleep(this.options.pollMs);
    }
  }

  private sleep(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  private runPartition(partition: number): Promise<number> {
    const { knex, batchSize } = this.options;
    return knex.transaction(async (trx) => {
      const lock = await trx.raw('SELECT pg_try_advisory_xact_lock(?, ?) AS locked', [LOCK_NAMESPACE, partition]);
      if (!lock.rows[0].locked) return 0;
      const rows: Row[] = await trx('herald_events')
        .select('id', 'type', 'subject', 'payload', 'created_at', 'attempts', 'next_attempt_at')
        .where({ partition })
        .whereNull('delivered_at')
        .whereNull('dead_at')
        .orderBy('id')
        .limit(batchSize);

      // An event waiting for a retry, or failing now, holds back the later events of its subject.
      const now = Date.now();
      const blocked = new Set<string>();
      const delivered: Row[] = [];
      for (const row of rows) {
        if (blocked.has(row.subject)) continue;
        if (row.next_attempt_at && row.next_attempt_at.getTime() > now) {
          blocked.add(row.subject);
          continue;
        }
        try {
          await this.options.handle(toEvent(row));
          delivered.push(row);
        } catch (err) {
          blocked.add(row.subject);
          await this.scheduleRetry(trx, row, err as Error);
        }
      }
      if (delivered.length === 0) return 0;
      await this.options.forward(delivered.map(toEvent));
      await trx('herald_events')
        .whereIn(
          'id',
          delivered.map((r) => r.id)
        )
        .update({ delivered_at: trx.fn.now() });
      return delivered.length;
    });
  }

  private async scheduleRetry(trx: Knex.Transaction, row: Row, err: Error) {
    const attempts = row.attempts + 1;
    const dead = attempts >= MAX_ATTEMPTS;
    await trx('herald_events')
      .where({ id: row.id })
      .update({
        attempts,
        last_error: String(err.message).slice(0, 2000),
        next_attempt_at: new Date(Date.now() + backoffDelay(attempts, 1000)),
        dead_at: dead ? trx.fn.now() : null,
      });
    this.options.log.warn(`[events] event ${row.id} (${row.type}) failed attempt ${attempts}${dead ? ', giving up' : ''}: ${err.message}`);
  }
}
