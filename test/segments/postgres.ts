import type { Client } from 'pg';
import { pgClient } from '../harness/resources';
import { recommendedIndexes } from '../../plugins/segments/server/src/domain/indexes';
import type { Population } from './population';
import { source } from './world';

// knex-style `?` placeholders to pg's `$1, $2, ...` (compiled SQL holds no other `?`).
export const positional = (text: string): string => {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
};

export const query = async <Row extends object>(client: Client, q: { sql: string; bindings: readonly unknown[] }): Promise<Row[]> =>
  (await client.query<Row>(positional(q.sql), [...q.bindings])).rows;

// A session time zone far from UTC shows the SQL does not depend on it.
export const connect = async (database: string): Promise<Client> => {
  const client = pgClient(database, '-c TimeZone=Pacific/Chatham');
  await client.connect();
  return client;
};

// Tables shaped like the source (link and rollup rows may lack a subscriber, as Strapi link tables can).
export const load = async (client: Client, population: Population): Promise<void> => {
  await client.query(`
    CREATE SCHEMA audience;
    CREATE TABLE audience.subscribers (
      id bigserial PRIMARY KEY, email text NOT NULL, status text NOT NULL, created_at timestamptz NOT NULL,
      "timeZone" text, "custom fields" jsonb
    );
    CREATE TABLE audience."subscriber tags" (subscriber_id bigint, tag_id integer NOT NULL);
    CREATE TABLE audience.engagement_daily (
      subscriber_id bigint, campaign_id text NOT NULL, kind text NOT NULL, day date NOT NULL, count integer NOT NULL CHECK (count > 0)
    );
  `);
  for (const statement of recommendedIndexes(source)) await client.query(statement);
  const subscribers = population.subscribers.map((s) => ({
    id: s.id,
    email: s.email,
    status: s.status,
    created_at: s.createdAt.toISOString(),
    timeZone: s.timeZone,
    fields: s.fieldsColumn,
  }));
  await client.query(
    `INSERT INTO audience.subscribers SELECT * FROM jsonb_to_recordset($1::jsonb)
       AS r(id bigint, email text, status text, created_at timestamptz, "timeZone" text, fields jsonb)`,
    [JSON.stringify(subscribers)]
  );
  await client.query(
    `INSERT INTO audience."subscriber tags" SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(subscriber_id bigint, tag_id integer)`,
    [JSON.stringify(population.tagLinks)]
  );
  await client.query(
    `INSERT INTO audience.engagement_daily SELECT * FROM jsonb_to_recordset($1::jsonb)
       AS r(subscriber_id bigint, campaign_id text, kind text, day date, count integer)`,
    [JSON.stringify(population.engagement)]
  );
  await client.query('ANALYZE');
};
