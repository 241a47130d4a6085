// The shape of config/herald.ts, as the platform reads it.
export interface HeraldConfig {
  processRole: 'web' | 'worker' | 'all';
  signingSecret?: string;
  publicUrl: string;
  redis: { url: string; prefix: string };
  queues: { attempts: number; backoffMs: number; drainTimeoutMs: number };
  events: { pollMs: number; batchSize: number; partitions: number };
  webhooks: { timeoutMs: number; attempts: number; backoffMs: number };
  mail: {
    mailgunKey: string;
    mailgunDomain: string;
    mailgunUrl: string;
    mailgunWebhookKey: string;
    mailgunTimeoutMs: number;
    defaultFrom: string;
  };
  segments: { workMem: string };
  openai: { apiKey: string; baseUrl: string; model: string };
}

export const runsWorkers = (c: HeraldConfig) => c.processRole === 'worker' || c.processRole === 'all';
export const runsWeb = (c: HeraldConfig) => c.processRole === 'web' || c.processRole === 'all';
