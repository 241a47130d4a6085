'use strict';

// Claims move from ledger rows to a table of their own. A worker used to write every ledger row
// three times (claimed, handed over, finished); now it writes one claim row per batch of up to
// 1,000 (its ledger row ids, lease and hand-off mark) and each ledger row once, when it finishes.
// Rows are claimed in (due_at, id) order behind a per-campaign cursor; every queued row behind
// the cursor belongs to exactly one claim. A claim nobody owns (token NULL: a retry waiting for its
// backoff, or given back) waits until `available_at`; an owned one holds its lease until then.
// Ledger rows in flight stay `queued`; the ledger's own claim columns and lease index go.
module.exports = {
  async up(knex) {
    await knex.raw(`
      CREATE TABLE IF NOT EXISTS herald_campaign_send_claims (
        id bigserial PRIMARY KEY,
        campaign_id text NOT NULL,
        token uuid,
        available_at timestamptz NOT NULL,
        handed_at timestamptz,
        message_id_before text,
        message_id_after text,
        row_ids bigint[] NOT NULL
      );
      CREATE INDEX IF NOT EXISTS herald_campaign_send_claims_campaign_idx
        ON herald_campaign_send_claims (campaign_id, available_at);
      CREATE TABLE IF NOT EXISTS herald_campaign_send_cursors (
        campaign_id text PRIMARY KEY,
        due_at timestamptz NOT NULL,
        row_id bigint NOT NULL
      );
      UPDATE herald_campaign_sends SET state = 'queued' WHERE state = 'sending' AND handed_at IS NULL;
      UPDATE herald_campaign_sends SET state = 'unknown', reason = 'in flight during an upgrade: outcome unknown', finished_at = now()
        WHERE state = 'sending';
      DROP INDEX IF EXISTS herald_campaign_sends_lease_idx;
      ALTER TABLE herald_campaign_sends DROP COLUMN IF EXISTS claim_token, DROP COLUMN IF EXISTS lease_until;
    `);
  },
};
