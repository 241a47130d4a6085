import type { Core } from '@strapi/strapi';

// PostgreSQL only: JSONB, row locks, SKIP LOCKED and exclusion constraints are part of Herald.
export default ({ env }: Core.Config.Shared.ConfigParams) => {
  const ssl = env.bool('DATABASE_SSL', false) ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) } : false;
  const url = env('DATABASE_URL', '');
  return {
    connection: {
      client: 'postgres',
      connection: url
        ? { connectionString: url, ssl, schema: env('DATABASE_SCHEMA', 'public') }
        : {
            host: env('DATABASE_HOST', '127.0.0.1'),
            port: env.int('DATABASE_PORT', 5432),
            database: env('DATABASE_NAME', 'herald'),
            user: env('DATABASE_USERNAME', 'postgres'),
            password: env('DATABASE_PASSWORD', ''),
            ssl,
            schema: env('DATABASE_SCHEMA', 'public'),
          },
      pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
  };
};
