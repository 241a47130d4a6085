// The import's floor: PostgreSQL alone writing the rows an import of the file must leave behind
// (subscribers with their indexes, Strapi's tag links with theirs and their foreign keys, one timeline
// entry and one subscriber.created event per address), from the file already loaded into a bare table,
// as two big statements per kind on two connections (one per core), with no application in the loop.
// No import can beat it on this machine without writing fewer rows or maintaining fewer indexes.
import type { Client } from 'pg';
import type { TestHerald } from '../test/harness/app';
import { pgClient } from '../test/harness/resources';

const CONNECTIONS = 2;
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

const connect = async (database: string) => {
  const client = pgClient(database);
  await client.connect();
  return client;
};

// `bare` holds the CSV's columns as text (email, first_name, last_name, plan, score, signup_date, tags).
// Leaves the subscriber, tag, timeline and event tables empty again, so the import after it starts
// from the same fresh tables as without it. Returns the seconds the writes took.
export const importFloor = async (app: TestHerald, bare: string): Promise<number> => {
  const schema = app.strapi.plugin('audience').service('schema');
  const s = schema.subscriberTable();
  const links = schema.tagLinks();
  const tagTable = (app.strapi.db.metadata.get('plugin::audience.tag') as unknown as { tableName: string }).tableName;
  const setup = await connect(app.databaseName);
  const clients = await Promise.all(Array.from({ length: CONNECTIONS }, () => connect(app.databaseName)));
  try {
    // Outside the timing: the tags the file names, and each connection's share of the file with the
    // values the import would compute (ids, time-ordered document ids, typed custom fields).
    await setup.query(
      `INSERT INTO ${q(tagTable)} (document_id, name, created_at, updated_at, published_at)
       SELECT 'floor' || name, name, now(), now(), now()
       FROM (SELECT DISTINCT unnest(string_to_array(tags, ',')) AS name FROM ${q(bare)}) t`
    );
    const share = (part: number) => `bench_floor_${part}`;
    for (let part = 0; part < CONNECTIONS; part++) {
      await setup.query(
        `CREATE UNLOGGED TABLE ${share(part)} AS
         SELECT nextval(pg_get_serial_sequence($1, 'id')) AS id, 'f' || $3::int || lpad(to_hex(row_number() OVER (ORDER BY email)), 12, '0') || substr(md5(email), 1, 11) AS document_id,
                email, first_name, last_name, jsonb_build_object('plan', plan, 'score', score::numeric, 'signup_date', signup_date) AS fields,
                string_to_array(tags, ',') AS tags
         FROM ${q(bare)} WHERE abs(hashtext(email)) % $2 = $3 ORDER BY email`,
        [s.table, CONNECTIONS, part]
      );
    }
    const write = async (client: Client, part: number) => {
      const rows = share(part);
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO ${q(s.table)} (id, ${[s.documentId, s.email, s.firstName, s.lastName, s.status, s.source, s.fields, s.createdAt, s.updatedAt, s.publishedAt].map(q).join(', ')})
         SELECT id, document_id, email, first_name, last_name, 'active', 'import', fields, now(), now(), now() FROM ${rows} ORDER BY email`
      );
      await client.query(
        `INSERT INTO ${q(links.table)} (${[links.subscriberId, links.tagId, links.tagOrder, links.subscriberOrder].map(q).join(', ')})
         SELECT r.id, t.id, x.ord, r.id FROM ${rows} r
         CROSS JOIN LATERAL unnest(r.tags) WITH ORDINALITY AS x(name, ord) JOIN ${q(tagTable)} t ON t.name = x.name`
      );
      await client.query(
        `INSERT INTO herald_subscriber_activity (subscriber_document_id, type, data, actor)
         SELECT document_id, 'created', jsonb_build_object('source', 'import', 'status', 'active', 'tagIds', to_jsonb(tags), 'importId', '1'), 'Bench'
         FROM ${rows}`
      );
      await client.query(
        `INSERT INTO herald_events (type, subject, partition, payload, delivered_at)
         SELECT 'subscriber.created', 'subscriber:' || document_id, id % 16,
                jsonb_build_object('subscriberId', document_id, 'email', email, 'source', 'import', 'tags', to_jsonb(tags)), now()
         FROM ${rows}`
      );
      await client.query('COMMIT');
    };
    await setup.query('CHECKPOINT');
    const started = process.hrtime.bigint();
    await Promise.all(clients.map((client, part) => write(client, part)));
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const { rows } = await setup.query(
      `SELECT (SELECT count(*) FROM ${q(s.table)}) AS subscribers, (SELECT count(*) FROM ${q(bare)}) AS addresses,
              (SELECT count(*) FROM ${q(links.table)}) AS links,
              (SELECT sum(cardinality(string_to_array(tags, ','))) FROM ${q(bare)}) AS tags,
              (SELECT count(*) FROM herald_subscriber_activity) AS timeline, (SELECT count(*) FROM herald_events) AS events`
    );
    const n = Object.fromEntries(Object.entries(rows[0]).map(([k, v]) => [k, Number(v)]));
    if (n.subscribers !== n.addresses || n.links !== n.tags || n.timeline !== n.addresses || n.events < n.addresses) {
      throw new Error(`the floor wrote other rows than the file holds: ${JSON.stringify(n)}`);
    }
    await setup.query(`TRUNCATE ${q(s.table)}, ${q(tagTable)}, herald_subscriber_activity, herald_events CASCADE`);
    for (let part = 0; part < CONNECTIONS; part++) await setup.query(`DROP TABLE ${share(part)}`);
    await setup.query('CHECKPOINT');
    return seconds;
  } finally {
    await Promise.all([setup, ...clients].map((c) => c.end()));
  }
};
