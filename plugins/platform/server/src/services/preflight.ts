import type { Core } from '@strapi/strapi';
import Redis from 'ioredis';
import { Client, type ClientConfig } from 'pg';
import type { HeraldConfig } from '../domain/herald-config';
import { secretProblems } from '../domain/secrets';

export class BootRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BootRefusal';
  }
}

const describePg = (c: ClientConfig & { connectionString?: string }) =>
  c.connectionString ? c.connectionString.replace(/:[^:@/]+@/, ':***@') : `postgres://${c.user}@${c.host}:${c.port}/${c.database}`;

const describeRedis = (url: string) => url.replace(/:[^:@/]+@/, ':***@');

// Checks run before Strapi touches the database, so a misconfigured install fails with one clear
// sentence instead of a stack trace from deep inside a driver.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  secrets() {
    if (process.env.NODE_ENV !== 'production') return;
    const problems = secretProblems(process.env);
    if (problems.length) {
      throw new BootRefusal(
        `Refusing to start in production with unsafe secrets: ${problems.join('; ')}. ` +
          "Generate each with: node -e \"console.log(require('crypto').randomBytes(32).toString('base64'))\""
      );
    }
  },

  async postgres() {
    const connection = strapi.config.get('database.connection.connection') as ClientConfig;
    const client = new Client({ ...connection, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
    } catch (err) {
      const e = err as Error & { code?: string };
      const hint =
        e.code === '3D000'
          ? 'The database does not exist: `npm run dev` creates it, or run `createdb -h <host> -U <user> <name>`.'
          : 'Start PostgreSQL (on Debian: `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`) or set DATABASE_URL / DATABASE_HOST.';
      throw new BootRefusal(`Cannot reach PostgreSQL at ${describePg(connection)}: ${e.message}. ${hint}`);
    } finally {
      await client.end().catch(() => undefined);
    }
  },

  async redis() {
    const { url } = (strapi.config.get('herald') as HeraldConfig).redis;
    const client = new Redis(url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
    } catch (err) {
      throw new BootRefusal(
        `Cannot reach Redis at ${describeRedis(url)}: ${(err as Error).message}. ` +
          'Start it (`redis-server --daemonize yes`) or set REDIS_URL.'
      );
    } finally {
      client.disconnect();
    }
  },

  // Queues lose jobs silently when Redis evicts keys under memory pressure.
  async evictionPolicy(redis: Redis) {
    let policy = 'unknown';
    try {
      const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
      policy = reply[1] ?? 'unknown';
    } catch {
      strapi.log.warn('[platform] could not read Redis maxmemory-policy (CONFIG GET is disabled); make sure it is noeviction');
      return;
    }
    if (policy === 'noeviction') return;
    const message = `Redis maxmemory-policy is "${policy}"; queues need "noeviction" (redis-cli CONFIG SET maxmemory-policy noeviction)`;
    if (process.env.NODE_ENV === 'production') throw new BootRefusal(`Refusing to start workers: ${message}`);
    strapi.log.warn(`[platform] ${message}`);
  },
});
