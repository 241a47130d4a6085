import { randomBytes } from 'node:crypto';

// Fixed, obviously-test secrets (long enough to pass the production check when a test wants that).
export const TEST_SECRETS = {
  APP_KEYS: 'test-app-key-aaaaaaaaaaaaaaaa,test-app-key-bbbbbbbbbbbbbbbb',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret-0123456789',
  JWT_SECRET: 'test-jwt-secret-0123456789abcdef',
  API_TOKEN_SALT: 'test-api-token-salt-0123456789',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt-0123456',
  ENCRYPTION_KEY: 'test-encryption-key-0123456789ab',
  HERALD_SIGNING_SECRET: 'test-herald-signing-secret-012345',
};

export const uniqueName = (label: string) => `herald_test_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;

// Everything a test Herald reads, set explicitly so a developer's .env never leaks into a test.
export const testEnv = (databaseName: string, redisPrefix: string, overrides: Record<string, string> = {}): Record<string, string> => ({
  ...TEST_SECRETS,
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: '0',
  DATABASE_URL: '',
  DATABASE_HOST: process.env.TEST_DATABASE_HOST ?? '127.0.0.1',
  DATABASE_PORT: process.env.TEST_DATABASE_PORT ?? '5432',
  DATABASE_USERNAME: process.env.TEST_DATABASE_USERNAME ?? 'postgres',
  DATABASE_PASSWORD: process.env.TEST_DATABASE_PASSWORD ?? '',
  DATABASE_NAME: databaseName,
  DATABASE_POOL_MIN: '0',
  REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_PREFIX: redisPrefix,
  HERALD_PROCESS: 'all',
  EVENT_DISPATCH_POLL_MS: '100',
  QUEUE_BACKOFF_MS: '50',
  WEBHOOK_BACKOFF_MS: '50',
  SHUTDOWN_DRAIN_TIMEOUT_MS: '10000',
  MAILGUN_API_KEY: '',
  MAILGUN_DOMAIN: '',
  MAILGUN_BASE_URL: '',
  OPENAI_API_KEY: '',
  PUBLIC_URL: '',
  STRAPI_TELEMETRY_DISABLED: 'true',
  BROWSER: 'false',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
  ...overrides,
});
