import type { Knex } from 'knex';
import { CAMPAIGN_TABLE } from '../domain/campaign-config';
import type { CampaignStatus } from '../domain/campaign-status';
import { LEDGER } from './send-tables';

export interface CampaignOverview {
  documentId: string;
  status: CampaignStatus;
  reason: string | null;
  total: number;
  sent: number;
  failed: number;
}

// Status and ledger totals of many campaigns in one query, for the campaign list (one request
// per campaign was a round trip each, and a count of each ledger besides).
export const campaignOverview = async (knex: Knex, documentIds: string[]): Promise<CampaignOverview[]> => {
  if (documentIds.length === 0) return [];
  const { rows } = await knex.raw(
    `SELECT c.document_id, c.status, c.status_reason,
            count(l.id) AS total,
            count(l.id) FILTER (WHERE l.state = 'sent') AS sent,
            count(l.id) FILTER (WHERE l.state = 'failed') AS failed
     FROM ${CAMPAIGN_TABLE} c LEFT JOIN ${LEDGER} l ON l.campaign_id = c.document_id
     WHERE c.document_id = ANY(?::text[])
     GROUP BY c.document_id, c.status, c.status_reason`,
    [documentIds]
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
