import type { Knex } from 'knex';
import { CAMPAIGN_TABLE } from '../domain/campaign-config';
import type { CampaignStatus } from '../domain/campaign-status';
import { textArray } from '../../../../../types/shared/pg-array';
import { tallySums } from './send-tallies';

export interface CampaignOverview {
  documentId: string;
  status: CampaignStatus;
  reason: string | null;
  total: number;
  sent: number;
  failed: number;
}

// Status and ledger totals of many campaigns in one query, for the campaign list (one request
// per campaign was a round trip each), summed from the ledgers' tallies.
export const campaignOverview = async (knex: Knex, documentIds: string[]): Promise<CampaignOverview[]> => {
  if (documentIds.length === 0) return [];
  const ids = textArray(documentIds);
  const { rows } = await knex.raw(
    `SELECT c.document_id, c.status, c.status_reason,
            coalesce(t.queued + t.sent + t.failed + t.skipped + t.unknown, 0) AS total,
            coalesce(t.sent, 0) AS sent, coalesce(t.failed, 0) AS failed
     FROM ${CAMPAIGN_TABLE} c LEFT JOIN (${tallySums('campaign_id = ANY(?::text[])')}) t ON t.campaign_id = c.document_id
     WHERE c.document_id = ANY(?::text[])`,
    [ids, ids]
  );
  return (rows as Array<Record<string, string | null>>).map((r) => ({
    documentId: r.document_id as string,
    status: r.status as CampaignStatus,
    reason: r.status_reason,
    total: Number(r.total),
    sent: Number(r.sent),
    failed: Number(r.failed),
  }));
};
