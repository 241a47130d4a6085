import type { Knex } from 'knex';
import { CAMPAIGN_TABLE } from '../domain/campaign-config';
import type { CampaignStatus } from '../domain/campaign-status';

export interface CampaignRow {
  id: number;
  document_id: string;
  status: CampaignStatus;
  prepared_at: Date | null;
  starts_at: Date | null;
  resumed_at: Date | null;
}

const COLUMNS = ['id', 'document_id', 'status', 'prepared_at', 'starts_at', 'resumed_at'];

// Further columns that must still hold their read value for a move to apply.
type Match = Partial<Pick<CampaignRow, 'resumed_at'>>;

type Columns = Partial<Record<'status_reason' | 'starts_at' | 'started_at' | 'resumed_at' | 'prepared_at' | 'sent_at', unknown>>;

// The campaign's status column, moved only by compare-and-set: the first of two racing requests
// wins, the second finds the status changed and is refused.
export const campaignStatusRepository = (knex: Knex) => ({
  find: (documentId: string, db: Knex = knex): Promise<CampaignRow | undefined> =>
    db(CAMPAIGN_TABLE)
      .where({ document_id: documentId })
      .first(...COLUMNS),

  async move(
    db: Knex,
    documentId: string,
    from: CampaignStatus[],
    to: CampaignStatus,
    columns: Columns = {},
    match: Match = {}
  ): Promise<boolean> {
    const changed = await db(CAMPAIGN_TABLE)
      .where({ ...match, document_id: documentId })
      .whereIn('status', from)
      .update({ status: to, ...columns, updated_at: new Date() });
    return changed > 0;
  },

  markPrepared: (documentId: string) =>
    knex(CAMPAIGN_TABLE).where({ document_id: documentId }).whereNull('prepared_at').update({ prepared_at: new Date() }),

  withStatus: (status: CampaignStatus): Promise<CampaignRow[]> =>
    knex(CAMPAIGN_TABLE)
      .where({ status })
      .select(...COLUMNS),

  dueScheduled: (now: Date): Promise<CampaignRow[]> =>
    knex(CAMPAIGN_TABLE)
      .where({ status: 'scheduled' })
      .where('starts_at', '<=', now)
      .select(...COLUMNS),
});

export type CampaignStatusRepository = ReturnType<typeof campaignStatusRepository>;
