import type { Knex } from 'knex';
import type { ClaimedRow, RowOutcome } from '../domain/ledger-states';
import { intArray, textArray } from '../../../../../types/shared/pg-array';
import { CLAIMS, CURSORS, LEDGER } from './send-tables';
import { withTally } from './send-tallies';

type Db = Knex | Knex.Transaction;

export interface Claim {
  id: number;
  rows: ClaimedRow[];
}

// Rows given back to the queue by a finishing claim: they wait in a claim nobody owns.
export interface Retry {
  ids: number[];
  spendAttempt: number[];
  delayMs: number;
}

const LOST_REASON = 'worker lost after hand-off: outcome unknown';

const rowsOf = (rows: Array<{ id: string; subscriber_id: number; attempts: number }>): ClaimedRow[] =>
  rows.map((r) => ({ id: Number(r.id), subscriberId: r.subscriber_id, attempts: r.attempts }));

// Claims of the send ledger: a claim is one row holding up to a batch of ledger row ids, the token
// of the worker that owns it, its lease (`available_at`) and its hand-off mark. Ledger rows stay
// `queued` while in flight and are written once, when they finish. New claims take rows in
// (due_at, id) order behind a per-campaign cursor, so every queued row behind the cursor belongs
// to exactly one claim; a claim leaves only in the transaction that finishes, re-queues or gives
// up its rows. Every change is a compare-and-set on the claim's token, so a worker whose lease was
// taken over can no longer hand over or finish what it once claimed.
export const sendClaimsRepository = (knex: Knex) => {
  // Un-handed claims that are free: waiting for nobody (retries, after their backoff) or whose
  // owner's lease ran out. Taken whole, under a new token.
  const takeOver = async (trx: Knex.Transaction, campaignId: string, token: string, leaseMs: number): Promise<Claim | null> => {
    const { rows } = await trx.raw(
      `UPDATE ${CLAIMS} SET token = ?, available_at = now() + ? * interval '1 millisecond'
       WHERE id = (SELECT id FROM ${CLAIMS} WHERE campaign_id = ? AND handed_at IS NULL AND available_at <= now()
                   ORDER BY available_at LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING id, row_ids`,
      [token, leaseMs, campaignId]
    );
    if (rows.length === 0) return null;
    const ledgerRows = await trx.raw(`SELECT id, subscriber_id, attempts FROM ${LEDGER} WHERE id = ANY(?::bigint[]) ORDER BY id`, [
      intArray(rows[0].row_ids),
    ]);
    return { id: Number(rows[0].id), rows: rowsOf(ledgerRows.rows) };
  };

  // The cursor row is the lock that orders new claims (and a cancel) of one campaign.
  // A campaign's first claim (or a cancel before any) creates it, before all the rows.
  const lockCursor = async (trx: Knex.Transaction, campaignId: string): Promise<void> => {
    const lock = () => trx.raw(`SELECT 1 FROM ${CURSORS} WHERE campaign_id = ? FOR UPDATE`, [campaignId]);
    if ((await lock()).rows.length > 0) return;
    await trx.raw(`INSERT INTO ${CURSORS} (campaign_id, due_at, row_id) VALUES (?, '-infinity', 0) ON CONFLICT DO NOTHING`, [campaignId]);
    await lock();
  };

  // Up to `limit` due rows after the cursor, in (due_at, id) order, which the partial index on
  // queued rows yields directly. The cursor is read by a subquery, so the row comparison is an
  // index condition (as a join it was a filter, and each claim walked every row claimed before
  // it), and compared and moved in SQL, where timestamps keep their microseconds.
  const claimNew = async (trx: Knex.Transaction, campaignId: string, token: string, limit: number, leaseMs: number) => {
    await lockCursor(trx, campaignId);
    const { rows } = await trx.raw(
      `WITH picked AS (
         SELECT id, subscriber_id, attempts, due_at FROM ${LEDGER}
         WHERE campaign_id = ? AND state = 'queued' AND due_at <= now()
           AND (due_at, id) > (SELECT due_at, row_id FROM ${CURSORS} WHERE campaign_id = ?)
         ORDER BY due_at, id LIMIT ?),
       moved AS (
         UPDATE ${CURSORS} c SET due_at = last.due_at, row_id = last.id
         FROM (SELECT due_at, id FROM picked ORDER BY due_at DESC, id DESC LIMIT 1) last WHERE c.campaign_id = ?)
       SELECT id, subscriber_id, attempts FROM picked ORDER BY due_at, id`,
      [campaignId, campaignId, limit, campaignId]
    );
    if (rows.length === 0) return null;
    const claim = await trx.raw(
      `INSERT INTO ${CLAIMS} (campaign_id, token, available_at, row_ids) VALUES (?, ?, now() + ? * interval '1 millisecond', ?::bigint[])
       RETURNING id`,
      [campaignId, token, leaseMs, intArray(rows.map((r: { id: string }) => r.id))]
    );
    return { id: Number(claim.rows[0].id), rows: rowsOf(rows) };
  };

  return {
    // A free claim if there is one, else the next due rows; null when there is nothing to take now.
    claim: (campaignId: string, token: string, limit: number, leaseMs: number): Promise<Claim | null> =>
      knex.transaction(
        async (trx) => (await takeOver(trx, campaignId, token, leaseMs)) ?? (await claimNew(trx, campaignId, token, limit, leaseMs))
      ),

    // Recorded just before the provider call: from here on, a lost outcome is `unknown`, never
    // re-sent. The Message-ID of each row is `before` + row id + `after` (see messageIdFor).
    async hand(claimId: number, token: string, messageId: { before: string; after: string }): Promise<boolean> {
      const { rowCount } = await knex.raw(
        `UPDATE ${CLAIMS} SET handed_at = now(), message_id_before = ?, message_id_after = ? WHERE id = ? AND token = ? AND handed_at IS NULL`,
        [messageId.before, messageId.after, claimId, token]
      );
      return rowCount === 1;
    },

    // Ends a claim: its rows' outcomes are written (sent | failed | skipped | unknown) and the rows
    // to try again wait in a new claim nobody owns, with their attempts counted. Returns the ids
    // of the rows it finished, none if the claim was no longer ours. Outcomes travel grouped (a
    // batch call's rows share state, provider id and reason), each row as its id and group number.
    async finish(trx: Db, campaignId: string, claimId: number, token: string, outcomes: RowOutcome[], retry: Retry): Promise<number[]> {
      const mine = await trx.raw(
        `DELETE FROM ${CLAIMS} WHERE id = ? AND token = ? RETURNING handed_at, message_id_before, message_id_after`,
        [claimId, token]
      );
      if (mine.rows.length === 0) return [];
      const handOff = mine.rows[0];
      if (retry.spendAttempt.length)
        await trx.raw(`UPDATE ${LEDGER} SET attempts = attempts + 1 WHERE id = ANY(?::bigint[])`, [intArray(retry.spendAttempt)]);
      if (retry.ids.length)
        await trx.raw(
          `INSERT INTO ${CLAIMS} (campaign_id, available_at, row_ids) VALUES (?, now() + ? * interval '1 millisecond', ?::bigint[])`,
          [campaignId, retry.delayMs, intArray(retry.ids)]
        );
      if (outcomes.length === 0) return [];
      const groups = new Map<string, { n: number; values: [string, string | null, string | null] }>();
      const group: number[] = [];
      for (const o of outcomes) {
        const key = `${o.state}\u0000${o.providerId ?? '\u0001'}\u0000${o.reason ?? '\u0001'}`;
        let found = groups.get(key);
        if (!found) groups.set(key, (found = { n: groups.size + 1, values: [o.state, o.providerId ?? null, o.reason ?? null] }));
        group.push(found.n);
      }
      const values = [...groups.values()].map((g) => g.values);
      // The deleted claim's hand-off mark and Message-ID go onto the rows that were handed over.
      const { rows } = await trx.raw(
        withTally(
          `v AS (SELECT * FROM unnest(?::bigint[], ?::int[]) AS v(id, g)),
           moved AS (
             UPDATE ${LEDGER} l SET state = o.state, provider_id = o.pid, reason = o.reason, finished_at = now(),
               handed_at = CASE WHEN o.state = 'skipped' THEN NULL ELSE c.handed_at END,
               message_id = CASE WHEN o.state = 'skipped' THEN NULL ELSE c.message_id_before || l.id || c.message_id_after END
             FROM v JOIN unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS o(state, pid, reason, g) ON o.g = v.g,
             (SELECT ?::timestamptz AS handed_at, ?::text AS message_id_before, ?::text AS message_id_after) c
             WHERE l.id = v.id AND l.state = 'queued'
             RETURNING l.id, l.campaign_id, l.state)`,
          'queued',
          'state',
          // Nearly always every row moves: only the ids of those that did not come back.
          `SELECT coalesce(array_agg(v.id), '{}') AS missed FROM v WHERE v.id NOT IN (SELECT id FROM moved)`
        ),
        [
          intArray(outcomes.map((o) => o.id)),
          intArray(group),
          textArray(values.map((v) => v[0])),
          textArray(values.map((v) => v[1])),
          textArray(values.map((v) => v[2])),
          handOff.handed_at,
          handOff.message_id_before,
          handOff.message_id_after,
        ]
      );
      const missed = new Set((rows[0].missed as string[]).map(Number));
      return outcomes.filter((o) => !missed.has(o.id)).map((o) => o.id);
    },

    // Leases that ran out. Claims handed over lose their rows to `unknown` (the worker died between
    // the provider call and recording its answer); the others are given up to whoever claims next.
    async expire(campaignId: string): Promise<{ requeued: number; unknown: number }> {
      const unknown = await knex.raw(
        withTally(
          `gone AS (
             DELETE FROM ${CLAIMS} WHERE campaign_id = ? AND handed_at IS NOT NULL AND available_at < now()
             RETURNING row_ids, handed_at, message_id_before, message_id_after),
           moved AS (
             UPDATE ${LEDGER} l SET state = 'unknown', reason = ?, finished_at = now(), handed_at = g.handed_at,
               message_id = g.message_id_before || l.id || g.message_id_after
             FROM (SELECT unnest(row_ids) AS id, handed_at, message_id_before, message_id_after FROM gone) g
             WHERE l.id = g.id AND l.state = 'queued'
             RETURNING l.campaign_id, l.state)`,
          'queued',
          'state',
          'SELECT count(*) AS n FROM moved'
        ),
        [campaignId, LOST_REASON]
      );
      const requeued = await knex.raw(
        `UPDATE ${CLAIMS} SET token = NULL WHERE campaign_id = ? AND handed_at IS NULL AND token IS NOT NULL AND available_at < now()
         RETURNING cardinality(row_ids) AS n`,
        [campaignId]
      );
      return {
        requeued: requeued.rows.reduce((n: number, r: { n: number }) => n + Number(r.n), 0),
        unknown: Number(unknown.rows[0].n),
      };
    },

    // When the next row or waiting claim falls due; claims other workers hold are theirs to finish.
    async nextDue(campaignId: string): Promise<Date | null> {
      const { rows } = await knex.raw(
        `SELECT least(
           (SELECT min(due_at) FROM ${LEDGER} WHERE campaign_id = ? AND state = 'queued'
              AND (NOT EXISTS (SELECT 1 FROM ${CURSORS} WHERE campaign_id = ?)
                   OR (due_at, id) > (SELECT due_at, row_id FROM ${CURSORS} WHERE campaign_id = ?))),
           (SELECT min(available_at) FROM ${CLAIMS} WHERE campaign_id = ? AND token IS NULL)) AS due`,
        [campaignId, campaignId, campaignId, campaignId]
      );
      return rows[0].due ? new Date(rows[0].due) : null;
    },

    // A cancelled campaign's rows that were not handed over are skipped; claims not handed over go,
    // so their owners can no longer hand them over. Holding the cursor, no new claim interleaves.
    cancel: (campaignId: string, reason: string): Promise<number> =>
      knex.transaction(async (trx) => {
        await lockCursor(trx, campaignId);
        await trx.raw(`DELETE FROM ${CLAIMS} WHERE campaign_id = ? AND handed_at IS NULL`, [campaignId]);
        const { rows } = await trx.raw(
          withTally(
            `moved AS (
               UPDATE ${LEDGER} SET state = 'skipped', reason = ?, finished_at = now()
               WHERE campaign_id = ? AND state = 'queued'
                 AND id NOT IN (SELECT unnest(row_ids) FROM ${CLAIMS} WHERE campaign_id = ?)
               RETURNING campaign_id, state)`,
            'queued',
            'state',
            'SELECT count(*) AS n FROM moved'
          ),
          [reason, campaignId, campaignId]
        );
        return Number(rows[0].n);
      }),

    // The explicit decision on unknown outcomes: record them as sent, or re-send them. Re-sent rows
    // are queued again, due now: holding the cursor, `now` is later than every claim so far, so
    // they land ahead of the cursor and the next claims take each of them once.
    async resolveUnknown(campaignId: string, decision: 'resend' | 'sent'): Promise<number> {
      const resolve = async (db: Db, set: string) => {
        const { rows } = await db.raw(
          withTally(
            `moved AS (UPDATE ${LEDGER} SET ${set} WHERE campaign_id = ? AND state = 'unknown' RETURNING campaign_id, state)`,
            'unknown',
            'state',
            'SELECT count(*) AS n FROM moved'
          ),
          [campaignId]
        );
        return Number(rows[0].n);
      };
      if (decision === 'sent') return resolve(knex, `state = 'sent', reason = 'outcome unknown, confirmed sent by an operator'`);
      return knex.transaction(async (trx) => {
        await lockCursor(trx, campaignId);
        return resolve(
          trx,
          `state = 'queued', handed_at = NULL, message_id = NULL, finished_at = NULL, reason = NULL, due_at = clock_timestamp()`
        );
      });
    },
  };
};

export type SendClaimsRepository = ReturnType<typeof sendClaimsRepository>;
