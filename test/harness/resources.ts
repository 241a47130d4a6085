import Redis from 'ioredis';
import { Client } from 'pg';

// A pg client (not yet connected) for the test PostgreSQL server, as the harness configures it.
export const pgClient = (database: string, options?: string) =>
  new Client({
    host: process.env.TEST_DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.TEST_DATABASE_PORT ?? 5432),
    user: process.env.TEST_DATABASE_USERNAME ?? 'postgres',
    password: process.env.TEST_DATABASE_PASSWORD ?? '',
    database,
    options,
  });

const pgAdmin = () => pgClient('postgres');

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

export const createDatabase = async (name: string) => {
  const client = pgAdmin();
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${quoted(name)}`);
  } finally {
    await client.end();
  }
};

export const dropDatabase = async (name: string) => {
  const client = pgAdmin();
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
};

// Removes every key a test run wrote under its prefix.
export const deleteRedisPrefix = async (prefix: string) => {
  const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
};
