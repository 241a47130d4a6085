import type { Core } from '@strapi/strapi';

// Herald's own settings, read by the platform plugin as strapi.config.get('herald').
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  // Which halves of Herald this process runs: web (HTTP), worker (queues, schedulers) or all.
  processRole: env('HERALD_PROCESS', 'all'),
  signingSecret: env('HERALD_SIGNING_SECRET'),
  publicUrl: env('PUBLIC_URL', `http://localhost:${env.int('PORT', 1337)}`),
  redis: {
    url: env('REDIS_URL', 'redis://127.0.0.1:6379'),
    // Every key Herald writes starts with this, so several installs (or test runs) share one Redis.
    prefix: env('REDIS_PREFIX', `herald:${env('NODE_ENV', 'development')}`),
  },
  queues: {
    attempts: env.int('QUEUE_ATTEMPTS', 8),
    backoffMs: env.int('QUEUE_BACKOFF_MS', 2000),
    drainTimeoutMs: env.int('SHUTDOWN_DRAIN_TIMEOUT_MS', 30000),
  },
  events: {
    pollMs: env.int('EVENT_DISPATCH_POLL_MS', 500),
    batchSize: env.int('EVENT_DISPATCH_BATCH', 500),
    partitions: env.int('EVENT_DISPATCH_PARTITIONS', 16),
  },
  webhooks: {
    timeoutMs: env.int('WEBHOOK_TIMEOUT_MS', 10000),
    attempts: env.int('WEBHOOK_ATTEMPTS', 10),
    backoffMs: env.int('WEBHOOK_BACKOFF_MS', 5000),
  },
  mail: {
    mailgunKey: env('MAILGUN_API_KEY', ''),
    mailgunDomain: env('MAILGUN_DOMAIN', ''),
    // https://api.mailgun.net (US) or https://api.eu.mailgun.net (EU), or a fake on loopback.
    mailgunUrl: env('MAILGUN_BASE_URL', env('MAILGUN_REGION', 'us') === 'eu' ? 'https://api.eu.mailgun.net' : 'https://api.mailgun.net'),
    mailgunWebhookKey: env('MAILGUN_WEBHOOK_SIGNING_KEY', ''),
    mailgunTimeoutMs: env.int('MAILGUN_TIMEOUT_MS', 30000),
    defaultFrom: env('MAIL_FROM', 'Herald <herald@localhost>'),
  },
  campaigns: {
    // Global send rate across every worker (a Redis token bucket), in messages per minute.
    ratePerMinute: env.int('CAMPAIGN_RATE_PER_MINUTE', 60000),
    batchSize: env.int('CAMPAIGN_BATCH_SIZE', 1000),
    parallelJobs: env.int('CAMPAIGN_PARALLEL_JOBS', 4),
    perRecipientConcurrency: env.int('CAMPAIGN_SEND_CONCURRENCY', 16),
    // Off: templates with Liquid tags or filters go one call per recipient instead of in batches.
    renderedBatches: env.bool('CAMPAIGN_RENDERED_BATCHES', true),
    leaseMs: env.int('CAMPAIGN_LEASE_MS', 120000),
    jobSliceMs: env.int('CAMPAIGN_JOB_SLICE_MS', 5000),
    maxAttempts: env.int('CAMPAIGN_MAX_ATTEMPTS', 5),
    retryBackoffMs: env.int('CAMPAIGN_RETRY_BACKOFF_MS', 5000),
    reconcileMs: env.int('CAMPAIGN_RECONCILE_MS', 30000),
    // Auto-pause when more than this share of the last `failureWindow` outcomes failed.
    failureThreshold: env.float('CAMPAIGN_FAILURE_THRESHOLD', 0.2),
    failureWindow: env.int('CAMPAIGN_FAILURE_WINDOW', 200),
    failureMinSample: env.int('CAMPAIGN_FAILURE_MIN_SAMPLE', 50),
    postalAddress: env('CAMPAIGN_POSTAL_ADDRESS', ''),
  },
  segments: {
    // Memory PostgreSQL may use per segment query to hash large id sets (see the segments engine).
    workMem: env('SEGMENT_WORK_MEM', '128MB'),
  },
  openai: {
    apiKey: env('OPENAI_API_KEY', ''),
    baseUrl: env('OPENAI_BASE_URL', 'https://api.openai.com/v1'),
    model: env('OPENAI_MODEL', 'gpt-4o-mini'),
    // How long one assistant request may take before the editor is told to try again.
    timeoutMs: env.int('OPENAI_TIMEOUT_MS', 20_000),
  },
});
