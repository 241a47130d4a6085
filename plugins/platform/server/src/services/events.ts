import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { ClientConfig } from 'pg';
import type { EmitOptions, HeraldEvent, HeraldEventMap, HeraldEventType } from '../../../../../types/shared/events';
import { matchesEventType, partitionOf } from '../domain/event-match';
import type { HeraldConfig } from '../domain/herald-config';
import { EventDispatcher } from './event-dispatcher';

type Handler = (event: HeraldEvent) => Promise<void> | void;
// Whether a subscriber has work for events of this type right now (a webhook subscription matches, say).
type Wants = (type: HeraldEventType) => Promise<boolean> | boolean;
type EmitInput = { [T in HeraldEventType]: { type: T; payload: HeraldEventMap[T]; subject?: string } }[HeraldEventType];

// The event bus: emit() writes to the outbox inside the caller's transaction; the dispatcher
// (in worker processes) hands each event to in-process subscribers and to queues, in order per subject.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => (strapi.config.get('herald') as HeraldConfig).events;
  const subscribers: Array<{ pattern: string; handler: Handler; wants?: Wants }> = [];
  const forwards: Array<{ pattern: string; queue: string }> = [];
  const dispatchers: EventDispatcher[] = [];

  const handle = async (event: HeraldEvent) => {
    for (const { pattern, handler } of subscribers) if (matchesEventType(pattern, event.type)) await handler(event);
  };

  // An event nothing here would act on is stored already delivered, so dispatchers never read it back
  // (an import writes a million). Subscribers and forwards are registered in every process at boot.
  const wanted = async (type: HeraldEventType): Promise<boolean> => {
    if (forwards.some((f) => matchesEventType(f.pattern, type))) return true;
    for (const { pattern, wants } of subscribers) if (matchesEventType(pattern, type) && (!wants || (await wants(type)))) return true;
    return false;
  };

  const forward = async (events: HeraldEvent[]) => {
    const queues = strapi.plugin('platform').service('queues');
    for (const queue of new Set(forwards.map((f) => f.queue))) {
      const patterns = forwards.filter((f) => f.queue === queue).map((f) => f.pattern);
      const jobs = events
        .filter((e) => patterns.some((p) => matchesEventType(p, e.type)))
        // The job id makes a redelivered event a no-op while the first job is still known to Redis.
        .map((e) => ({ name: e.type, data: e, opts: { jobId: `event-${e.id}` } }));
      if (jobs.length) await queues.queue(queue).addBulk(jobs);
    }
  };

  return {
    async emit<T extends HeraldEventType>(type: T, payload: HeraldEventMap[T], options: EmitOptions = {}): Promise<string> {
      const [id] = await this.emitMany([{ type, payload, subject: options.subject } as EmitInput], options);
      return id;
    },

    async emitMany(events: EmitInput[], options: Pick<EmitOptions, 'transaction'> = {}): Promise<string[]> {
      if (events.length === 0) return [];
      const db = (options.transaction as Knex.Transaction | undefined) ?? strapi.db.connection;
      const partitions = config().partitions;
      const types = [...new Set(events.map((e) => e.type))];
      const wants = await Promise.all(types.map(wanted));
      const unwanted = new Set(types.filter((_, i) => !wants[i]));
      const rows = events.map((e) => {
        const subject = e.subject ?? e.type;
        return { type: e.type, subject, partition: partitionOf(subject, partitions), payload: e.payload, delivered: unwanted.has(e.type) };
      });
      // The batch travels as one JSON document: imports emit thousands of events at a time, and
      // one JSON.stringify costs far less than four bindings (or array elements) per event.
      // Ids are drawn in the order the rows are read, so ascending ids follow the input order.
      const { rows: inserted } = await db.raw(
        `INSERT INTO herald_events (type, subject, partition, payload, delivered_at)
         SELECT type, subject, partition, payload, CASE WHEN delivered THEN now() END
         FROM json_to_recordset(?::json) AS r (type text, subject text, partition smallint, payload jsonb, delivered boolean)
         RETURNING id`,
        [JSON.stringify(rows)]
      );
      return (inserted as Array<{ id: string }>)
        .map((r) => BigInt(r.id))
        .sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
        .map(String);
    },

    // In-process subscriber; runs in worker processes. Must be idempotent: delivery is at least once.
    // Register it in every process (the emitter decides whether anyone wants an event); `wants`
    // narrows a broad pattern to the types it has work for at the time of emitting.
    subscribe(pattern: string, handler: Handler, wants?: Wants): () => void {
      const entry = { pattern, handler, wants };
      subscribers.push(entry);
      return () => subscribers.splice(subscribers.indexOf(entry), 1);
    },

    // Queue consumer: each matching event becomes a job named after its type on that queue.
    forward(pattern: string, queue: string) {
      forwards.push({ pattern, queue });
    },

    createDispatcher(): EventDispatcher {
      const c = config();
      const dispatcher = new EventDispatcher({
        knex: strapi.db.connection,
        listenConnection: (strapi.db.connection.client as { config: { connection: ClientConfig } }).config.connection,
        partitions: c.partitions,
        batchSize: c.batchSize,
        pollMs: c.pollMs,
        handle,
        forward,
        log: strapi.log,
      });
      dispatchers.push(dispatcher);
      return dispatcher;
    },

    async startDispatcher() {
      await this.createDispatcher().start();
    },

    async stopDispatchers() {
      await Promise.all(dispatchers.splice(0).map((d) => d.stop()));
    },
  };
};
