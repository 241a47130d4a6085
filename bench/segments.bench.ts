// Segment count and stream on 1,000,000 subscribers and 10,000,000 engagement events, beside a bare
// count(*) of the subscriber table in the same run. Targets: count < 1 s, stream < 5 s.
import { startHerald, type TestHerald } from '../test/harness/app';
import { report } from './report';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1_000_000);
const EVENTS_PER_SUBSCRIBER = 10;

const seconds = async (fn: () => Promise<unknown>) => {
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
  await knex.raw('ANALYZE');
  return tag.id;
};

export const run = async () => {
  const app = await startHerald({ HERALD_PROCESS: 'web', LOG_LEVEL: 'error' });
  try {
    const generated = await seconds(() => seed(app));
    const tagId = generated.result as number;
    const rollupRows = Number((await app.strapi.db.connection('herald_engagement_daily').count('* as n'))[0].n);
    console.log(`seeded ${SUBSCRIBERS} subscribers and ${rollupRows} engagement rows in ${generated.seconds.toFixed(1)} s`);

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
    const bare = await seconds(() => app.strapi.db.connection.raw(`SELECT count(*) FROM "${table}"`));
    await engine.count(rules); // warm the plan and caches, as a live builder would be
    const counted = await seconds(() => engine.count(rules));
    const streamed = await seconds(async () => {
      let n = 0;
      for await (const ids of engine.stream(rules, { batchSize: 10_000 })) n += ids.length;
      return n;
    });
    console.log(`segment matches ${counted.result} subscribers; stream returned ${streamed.result}`);
    report(
      `Segments on ${SUBSCRIBERS.toLocaleString('en-US')} subscribers, ${rollupRows.toLocaleString('en-US')} engagement rows (rate = subscribers covered per second)`,
      [
        { name: 'reference: SELECT count(*) of all subscribers', seconds: bare.seconds, count: SUBSCRIBERS },
        { name: 'Herald segment count (target < 1 s)', seconds: counted.seconds, count: SUBSCRIBERS },
        { name: 'Herald segment stream of all members (target < 5 s)', seconds: streamed.seconds, count: SUBSCRIBERS },
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
