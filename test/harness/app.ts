import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import { createStrapi } from '@strapi/strapi';
import request from 'supertest';
import { testEnv, uniqueName } from './env';
import { createDatabase, deleteRedisPrefix, dropDatabase } from './resources';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface TestHerald {
  strapi: Core.Strapi;
  url: string;
  http: () => ReturnType<typeof request>;
  databaseName: string;
  redisPrefix: string;
  stop(): Promise<void>;
}

// Boots the compiled app (npm test builds it first) in this process against a fresh PostgreSQL
// database and its own Redis key prefix, listening on a random loopback port.
export const startHerald = async (overrides: Record<string, string> = {}): Promise<TestHerald> => {
  const databaseName = uniqueName('db');
  const redisPrefix = `herald:test:${uniqueName('q')}`;
  await createDatabase(databaseName);
  Object.assign(process.env, testEnv(databaseName, redisPrefix, overrides));
  let strapi: Core.Strapi;
  try {
    strapi = await createStrapi({
      appDir: ROOT,
      distDir: path.join(ROOT, 'dist'),
      autoReload: false,
      serveAdminPanel: overrides.SERVE_ADMIN === 'true',
    }).load();
  } catch (err) {
    await dropDatabase(databaseName);
    throw err;
  }
  const server = strapi.server.httpServer;
  strapi.server.mount();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    strapi,
    url,
    http: () => request(url),
    databaseName,
    redisPrefix,
    async stop() {
      await strapi.destroy();
      await dropDatabase(databaseName);
      await deleteRedisPrefix(redisPrefix);
    },
  };
};
