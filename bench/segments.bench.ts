// Segment count and stream on 1,000,000 subscribers and 10,000,000 engagement events, beside a bare
// count(*) of the subscriber table in the same run. Targets: count < 1 s, stream < 5 s.
// BENCH_SEGMENTS_DATABASE=<name> keeps the seeded data in that database and reuses it on later runs
// (seeding takes minutes); BENCH_RUNS sets how many timed runs the medians are taken over.
import type { TestHerald } from '../test/harness/app';
import { startOnKeptDatabase } from './kept-database';
import { report } from './report';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1_000_000);
const EVENTS_PER_SUBSCRIBER = 10;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const KEPT_DATABASE = process.env.BENCH_SEGMENTS_DATABASE;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const seconds = async <T>(fn: () => Promise<T>) => {
  const started = process.hrtime.bigint();
  const result = await fn();
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, result };
};

// Data straight into the tables (a bulk generator, not the import path under test elsewhere).
const seed = async (app: TestHerald) => {
  const knex = app.strapi.db.connection;
  const audience = app.strapi.plugin('audience').service('schema');
  const s = audience.subscriberTable();
  const links = audience.tagLinks();
  await app.strapi
    .documents('plugin::audience.field-definition' as never)
    .create({ data: { key: 'x', label: 'X', type: 'number' } } as never);
  const tag = (await app.strapi.documents('plugin::audience.tag' as never).create({ data: { name: 'A' } } as never)) as unknown as {
    id: number;
  };
  await knex.raw(
    `INSERT INTO "${s.table}" (document_id, "${s.email}", "${s.status}", "${s.fields}", "${s.createdAt}", updated_at, published_at, source)
     SELECT md5(i::text)::varchar(24), 'user' || i || '@example.test',
            (ARRAY['active','active','active','unsubscribed','bounced'])[1 + i % 5],
            jsonb_build_object('x', i % 100),
            now() - ((i % 365) || ' days')::interval, now(), now(), 'import'
     FROM generate_series(1, ?) AS i`,
    [SUBSCRIBERS]
  );
  await knex.raw(
    `INSERT INTO "${links.table}" ("${links.subscriberId}", "${links.tagId}") SELECT id, ? FROM "${s.table}" WHERE id % 5 = 0`,
    [tag.id]
  );
  await knex.raw(
    `INSERT INTO herald_engagement_daily (subscriber_id, campaign_id, kind, day, count)
     SELECT s.id, 'c' || ((s.id + k) % 50), (ARRAY['received','opened','clicked'])[1 + (k % 3)],
            current_date - ((s.id * 7 + k * 13) % 90), 1
     FROM "${s.table}" s, generate_series(1, ?) AS k
     ON CONFLICT DO NOTHING`,
    [EVENTS_PER_SUBSCRIBER]
  );
  // What autovacuum does soon after a bulk load (PostgreSQL 13+ vacuums insert-only tables too):
  // statistics for the planner, and the visibility map that lets index-only scans skip the heap.
  await knex.raw('VACUUM (ANALYZE)');
  return tag.id;
};

// The tag of an earlier run's data in a kept database, if it holds the full seed.
const seededTag = async (app: TestHerald): Promise<number | undefined> => {
  const knex = app.strapi.db.connection;
  const { table } = app.strapi.plugin('audience').service('schema').subscriberTable();
  const [{ n }] = (await knex.raw(`SELECT count(*) AS n FROM "${table}"`)).rows;
  if (Number(n) !== SUBSCRIBERS) return undefined;
  const tag = (await app.strapi.documents('plugin::audience.tag' as never).findFirst({ filters: { name: 'A' } } as never)) as {
    id: number;
  } | null;
  return tag?.id;
};

export const run = async () => {
  const app = await startOnKeptDatabase(KEPT_DATABASE);
  try {
    let tagId = await seededTag(app);
    if (tagId === undefined) {
      const generated = await seconds(() => seed(app));
      tagId = generated.result;
      console.log(`seeded ${SUBSCRIBERS} subscribers in ${generated.seconds.toFixed(1)} s`);
    } else {
      console.log(`reusing the data seeded in ${KEPT_DATABASE}`);
    }
    const rollupRows = Number((await app.strapi.db.connection('herald_engagement_daily').count('* as n'))[0].n);

    const rules = {
      type: 'group',
      match: 'any',
      children: [
        {
          type: 'group',
          match: 'all',
          children: [
            { type: 'tags', operator: 'has_any', tagIds: [tagId] },
            { type: 'field', field: 'x', operator: 'gt', value: 50 },
            { type: 'engagement', action: 'opened', withinDays: 30 },
          ],
        },
        { type: 'created', operator: 'within_last_days', value: 7 },
      ],
    };
    const engine = app.strapi.plugin('segments').service('engine');
    const table = app.strapi.plugin('audience').service('schema').subscriberTable().table;
    await engine.count(rules); // warm the plan and caches, as a live builder would be
    const runs = { bare: [] as number[], count: [] as number[], stream: [] as number[] };
    for (let i = 0; i < RUNS; i++) {
      const bare = await seconds(() => app.strapi.db.connection.raw(`SELECT count(*) FROM "${table}"`));
      const counted = await seconds(() => engine.count(rules));
      const streamed = await seconds(async () => {
        let n = 0;
        for await (const ids of engine.stream(rules, { batchSize: 10_000 })) n += ids.length;
        return n;
      });
      if (counted.result !== streamed.result) throw new Error(`count ${counted.result} but stream returned ${streamed.result}`);
      console.log(
        `run ${i + 1}: ${counted.result} members; count(*) ${bare.seconds.toFixed(3)} s, count ${counted.seconds.toFixed(3)} s, stream ${streamed.seconds.toFixed(3)} s`
      );
      runs.bare.push(bare.seconds);
      runs.count.push(counted.seconds);
      runs.stream.push(streamed.seconds);
    }
    report(
      `Segments on ${SUBSCRIBERS.toLocaleString('en-US')} subscribers, ${rollupRows.toLocaleString('en-US')} engagement rows, median of ${RUNS} runs (rate = subscribers covered per second)`,
      [
        { name: 'reference: SELECT count(*) of all subscribers', seconds: median(runs.bare), count: SUBSCRIBERS },
        { name: 'Herald segment count (target < 1 s)', seconds: median(runs.count), count: SUBSCRIBERS },
        { name: 'Herald segment stream of all members (target < 5 s)', seconds: median(runs.stream), count: SUBSCRIBERS },
      ]
    );
  } finally {
    await app.stop();
  }
};

if (require.main === module) {
  run().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
