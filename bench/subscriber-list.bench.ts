// The admin panel's subscriber list on 1,000,000 subscribers: the Content Manager's own list request
// (a page of 10 and its total, as the list view asks for them) for the first page, a deep page,
// each sort a marketer clicks, a status filter, a tag filter and a search, timed over HTTP as an
// admin, beside a bare SQL count(*) of the table in the same run. "Without waiting": each under 1 s.
// BENCH_LIST_DATABASE=<name> keeps the seeded data in that database and reuses it on later runs.
import { adminToken } from '../test/harness/admin';
import type { TestHerald } from '../test/harness/app';
import { startOnKeptDatabase } from './kept-database';
import { report } from './report';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1_000_000);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const KEPT_DATABASE = process.env.BENCH_LIST_DATABASE;
const SUBSCRIBER = 'plugin::audience.subscriber';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const timed = async (fn: () => Promise<unknown>) => {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e9;
};

// Data straight into the tables: names, five statuses, a year of sign-up dates, one in five tagged.
const seed = async (app: TestHerald) => {
  const knex = app.strapi.db.connection;
  const audience = app.strapi.plugin('audience').service('schema');
  const s = audience.subscriberTable();
  const links = audience.tagLinks();
  const tag = (await app.strapi.documents('plugin::audience.tag' as never).create({ data: { name: 'customers' } } as never)) as unknown as {
    id: number;
  };
  await knex.raw(
    `INSERT INTO "${s.table}" (document_id, "${s.email}", "${s.firstName}", "${s.lastName}", "${s.status}", "${s.createdAt}", updated_at, published_at, source)
     SELECT md5(i::text)::varchar(24), 'person' || i || '@example' || (i % 97) || '.test', 'First' || i, 'Last' || (i % 1000),
            (ARRAY['active','active','active','unsubscribed','bounced'])[1 + i % 5],
            now() - ((i % 365) || ' days')::interval, now(), now(), 'import'
     FROM generate_series(1, ?) AS i`,
    [SUBSCRIBERS]
  );
  await knex.raw(
    `INSERT INTO "${links.table}" ("${links.subscriberId}", "${links.tagId}") SELECT id, ? FROM "${s.table}" WHERE id % 5 = 0`,
    [tag.id]
  );
  await knex.raw('VACUUM (ANALYZE)');
};

const isSeeded = async (app: TestHerald) => {
  const { table } = app.strapi.plugin('audience').service('schema').subscriberTable();
  const [{ n }] = (await app.strapi.db.connection.raw(`SELECT count(*) AS n FROM "${table}"`)).rows;
  return Number(n) === SUBSCRIBERS;
};

export const run = async () => {
  const app = await startOnKeptDatabase(KEPT_DATABASE);
  try {
    if (await isSeeded(app)) console.log(`reusing the data seeded in ${KEPT_DATABASE}`);
    else console.log(`seeded ${SUBSCRIBERS} subscribers in ${(await timed(() => seed(app))).toFixed(1)} s`);
    const token = await adminToken(app);
    const tagId = (
      (await app.strapi.documents('plugin::audience.tag' as never).findFirst({ filters: { name: 'customers' } } as never)) as { id: number }
    ).id;
    // The query strings the list view sends (its defaults: page 1 of 10, sorted by id).
    const list = (query: string) => async () => {
      const res = await app
        .http()
        .get(`/content-manager/collection-types/${SUBSCRIBER}?pageSize=10&${query}`)
        .set('Authorization', `Bearer ${token}`);
      if (res.status !== 200 || !res.body.pagination) throw new Error(`${query}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    };
    const table = app.strapi.plugin('audience').service('schema').subscriberTable().table;
    const cases: Array<[string, () => Promise<unknown>]> = [
      ['reference: SQL count(*) of all subscribers', () => app.strapi.db.connection.raw(`SELECT count(*) FROM "${table}"`)],
      ['first page, with the total', list('page=1&sort=id:ASC')],
      ['page 50,000', list('page=50000&sort=id:ASC')],
      ['sorted by email', list('page=1&sort=email:ASC')],
      ['sorted by newest', list('page=1&sort=createdAt:DESC')],
      ['status is bounced', list('page=1&sort=id:ASC&filters[$and][0][status][$eq]=bounced')],
      ['tag is customers', list(`page=1&sort=id:ASC&filters[$and][0][tags][id][$eq]=${tagId}`)],
      ['search "person123456" (an address)', list('page=1&sort=id:ASC&_q=person123456')],
      ['search "first12345" (a name)', list('page=1&sort=id:ASC&_q=first12345')],
      ['search "p" (most of the list)', list('page=1&sort=id:ASC&_q=p')],
    ];
    const times = new Map<string, number[]>(cases.map(([name]) => [name, []]));
    for (const [, fn] of cases) await fn(); // warm plans and caches, as a marketer's second visit would
    for (let i = 0; i < RUNS; i++) for (const [name, fn] of cases) times.get(name)!.push(await timed(fn));
    report(
      `Content Manager subscriber list on ${SUBSCRIBERS.toLocaleString('en-US')} subscribers, median of ${RUNS} (target: each under 1 s; rate = subscribers covered per second)`,
      cases.map(([name]) => ({ name, seconds: median(times.get(name)!), count: SUBSCRIBERS }))
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
