import { spawn } from 'node:child_process';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { TEST_SECRETS, testEnv, uniqueName } from '../harness/env';
import { createDatabase, dropDatabase } from '../harness/resources';
import { spawnHerald } from '../harness/spawn';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

// Each case starts a real worker process that must exit non-zero, saying why, before doing anything.
describe('boot refusals', () => {
  const databaseName = uniqueName('refusals');
  const env = (overrides: Record<string, string>) => testEnv(databaseName, `herald:test:${databaseName}`, overrides);
  beforeAll(() => createDatabase(databaseName));
  afterAll(() => dropDatabase(databaseName));

  const refuses = async (overrides: Record<string, string>, message: RegExp) => {
    const run = spawnHerald('worker', env(overrides));
    const { code } = await run.exited;
    expect(run.output()).toMatch(message);
    expect(code).not.toBe(0);
    return run.output();
  };

  it('names the PostgreSQL it tried and how to start one', async () => {
    const out = await refuses({ DATABASE_PORT: '1' }, /Cannot reach PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\//);
    expect(out).toMatch(/Start PostgreSQL/);
  });

  it('says when the database does not exist and how to create it', async () => {
    await refuses({ DATABASE_NAME: `${databaseName}_missing` }, /database .* does not exist.*npm run dev. creates it/s);
  });

  it('names the Redis it tried and how to start one', async () => {
    await refuses({ REDIS_URL: 'redis://127.0.0.1:1' }, /Cannot reach Redis at redis:\/\/127\.0\.0\.1:1.*Start it/s);
  });

  it('refuses production with missing or default secrets, naming each', async () => {
    const out = await refuses(
      { NODE_ENV: 'production', JWT_SECRET: '', HERALD_SIGNING_SECRET: 'changeme', APP_KEYS: `${TEST_SECRETS.APP_KEYS},toBeModified1` },
      /Refusing to start in production with unsafe secrets/
    );
    expect(out).toMatch(/JWT_SECRET is not set/);
    expect(out).toMatch(/HERALD_SIGNING_SECRET holds a default or too short value/);
    expect(out).toMatch(/APP_KEYS holds a default or too short value/);
  });

  it('refuses to start production workers on a Redis that may evict keys', async () => {
    const port = await freePort();
    const redis = spawn('redis-server', [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'allkeys-lru',
    ]);
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await refuses(
        { NODE_ENV: 'production', REDIS_URL: `redis://127.0.0.1:${port}` },
        /Refusing to start workers: Redis maxmemory-policy is "allkeys-lru"/
      );
    } finally {
      redis.kill();
    }
  });
});
