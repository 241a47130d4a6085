import type { Knex } from 'knex';
import type { LedgerProgress, LedgerState } from '../domain/ledger-states';
import { LEDGER_STATES } from '../domain/ledger-states';
import { intArray } from '../../../../../types/shared/pg-array';
import { CLAIMS, LEDGER } from './send-tables';
import { TALLIED, tallySums, withTally, type TalliedState } from './send-tallies';

type Db = Knex | Knex.Transaction;
type SubscriberTable = { table: string; status: string; timeZone: string };

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

// The per-recipient send ledger: one row per (campaign, subscriber), `queued` until it finishes
// (sent, failed, skipped or unknown). Workers claim and finish its rows through send-claims.ts.
export const ledgerRepository = (knex: Knex) => ({
  // Adds the active subscribers among `ids`; a row already there (a re-run) is left alone. Pages
  // are written two at a time and may overlap (two segments): in id order, neither waits for a
  // row the other holds while holding one it wants, so they cannot deadlock.
  async insertActive(campaignId: string, ids: number[], subscribers: SubscriberTable): Promise<void> {
    if (ids.length === 0) return;
    await knex.raw(
      withTally(
        `moved AS (
           INSERT INTO ${LEDGER} (campaign_id, subscriber_id)
           SELECT ?, s.id FROM ${q(subscribers.table)} s WHERE s.id = ANY(?::int[]) AND s.${q(subscribers.status)} = 'active'
           ORDER BY s.id
           ON CONFLICT (campaign_id, subscriber_id) DO NOTHING
           RETURNING campaign_id, state)`,
        null,
        'state',
        'SELECT 1'
      ),
      [campaignId, intArray(ids)]
    );
  },

  // Drops excluded subscribers that have not been claimed yet.
  async exclude(campaignId: string, ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await knex.raw(
      withTally(
        `moved AS (
           DELETE FROM ${LEDGER} WHERE campaign_id = ? AND state = 'queued' AND subscriber_id = ANY(?::int[]) RETURNING campaign_id)`,
        'queued',
        null,
        'SELECT 1'
      ),
      [campaignId, intArray(ids)]
    );
  },

  zones: async (campaignId: string, subscribers: SubscriberTable): Promise<Array<string | null>> =>
    (
      await knex.raw(
        `SELECT DISTINCT s.${q(subscribers.timeZone)} AS zone FROM ${LEDGER} l JOIN ${q(subscribers.table)} s ON s.id = l.subscriber_id
         WHERE l.campaign_id = ?`,
        [campaignId]
      )
    ).rows.map((r: { zone: string | null }) => r.zone),

  // Sets each queued row's due time from its subscriber's zone ('' stands for no zone).
  async setDueByZone(campaignId: string, dues: Array<{ zone: string | null; dueAt: Date }>, subscribers: SubscriberTable) {
    if (dues.length === 0) return;
    await knex.raw(
      `UPDATE ${LEDGER} l SET due_at = z.due FROM ${q(subscribers.table)} s,
         unnest(?::text[], ?::timestamptz[]) AS z(zone, due)
       WHERE l.campaign_id = ? AND l.state = 'queued' AND s.id = l.subscriber_id AND coalesce(s.${q(subscribers.timeZone)}, '') = z.zone`,
      [dues.map((d) => d.zone ?? ''), dues.map((d) => d.dueAt.toISOString()), campaignId]
    );
  },

  // Rows not finished, in flight or not: a campaign is sent only when there are none.
  async pending(campaignId: string, db: Db = knex): Promise<number> {
    const { rows } = await db.raw(`SELECT count(*) AS n FROM ${LEDGER} WHERE campaign_id = ? AND state = 'queued'`, [campaignId]);
    return Number(rows[0].n);
  },

  // Failed share of the latest `window` final outcomes (sent or failed) of messages handed over
  // since `since` (the last resume), so failures from before a pause cannot pause it again.
  async failureWindow(campaignId: string, window: number, since: Date | null): Promise<{ total: number; failed: number }> {
    const { rows } = await knex.raw(
      `SELECT count(*) AS total, count(*) FILTER (WHERE state = 'failed') AS failed FROM (
         SELECT state FROM ${LEDGER} WHERE campaign_id = ? AND state IN ('sent', 'failed') AND finished_at IS NOT NULL
           AND (?::timestamptz IS NULL OR handed_at >= ?::timestamptz)
         ORDER BY finished_at DESC LIMIT ?) recent`,
      [campaignId, since, since, window]
    );
    return { total: Number(rows[0].total), failed: Number(rows[0].failed) };
  },

  // Counts by state, from the campaign's tallies; rows of claims handed over and not yet finished
  // are shown as `sending`.
  async progress(campaignId: string): Promise<LedgerProgress> {
    const { rows } = await knex.raw(
      `SELECT t.*, (SELECT coalesce(sum(cardinality(row_ids)), 0) FROM ${CLAIMS} WHERE campaign_id = ? AND handed_at IS NOT NULL) AS in_flight
       FROM (${tallySums('campaign_id = ?')}) t`,
      [campaignId, campaignId]
    );
    const counts = Object.fromEntries(LEDGER_STATES.map((s) => [s, 0])) as Record<LedgerState, number>;
    const sums = rows[0] as Record<TalliedState | 'recent' | 'in_flight', string> | undefined;
    if (sums) for (const state of TALLIED) counts[state] = Number(sums[state]);
    counts.sending = Number(sums?.in_flight ?? 0);
    counts.queued -= counts.sending;
    return { ...counts, total: Object.values(counts).reduce((a, b) => a + b, 0), ratePerMinute: Number(sums?.recent ?? 0) };
  },
});

export type LedgerRepository = ReturnType<typeof ledgerRepository>;
