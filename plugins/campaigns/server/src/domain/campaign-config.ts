// The `campaigns` section of config/herald.ts.
export interface CampaignsConfig {
  ratePerMinute: number;
  batchSize: number;
  parallelJobs: number;
  perRecipientConcurrency: number;
  renderedBatches: boolean;
  leaseMs: number;
  jobSliceMs: number;
  maxAttempts: number;
  retryBackoffMs: number;
  reconcileMs: number;
  failureThreshold: number;
  failureWindow: number;
  failureMinSample: number;
  postalAddress: string;
}

export const SEND_QUEUE = 'campaign-send';
export const CAMPAIGN = 'plugin::campaigns.campaign';
export const CAMPAIGN_TABLE = 'herald_campaigns';
