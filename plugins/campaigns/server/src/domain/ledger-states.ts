// States of one row of the send ledger (herald_campaign_sends).
export const LEDGER_STATES = ['queued', 'sending', 'sent', 'failed', 'skipped', 'unknown'] as const;
export type LedgerState = (typeof LEDGER_STATES)[number];

// Rows still waiting for work: a campaign is sent only when it has none.
export const PENDING_STATES: LedgerState[] = ['queued', 'sending'];

export interface ClaimedRow {
  id: number;
  subscriberId: number;
  attempts: number;
}

export interface RowOutcome {
  id: number;
  state: 'sent' | 'failed' | 'skipped' | 'unknown';
  providerId?: string;
  reason?: string;
}

export type LedgerProgress = Record<LedgerState, number> & { total: number; ratePerMinute: number };
