'use strict';

// The per-recipient send ledger: one row per (campaign, subscriber), written before anything is
// handed to Mailgun. Rows move by compare-and-set: queued -> sending (claimed with a lease and a
// claim token; handed_at set just before the provider call) -> sent | failed | skipped | unknown.
// `unknown` means the provider may have accepted the message (the response was lost): it waits for
// an explicit decision and is never re-sent on its own.
module.exports = {
  async up(knex) {
    await knex.raw(`
      CREATE TABLE IF NOT EXISTS herald_campaign_sends (
        id bigserial PRIMARY KEY,
        campaign_id text NOT NULL,
        subscriber_id integer NOT NULL,
        state text NOT NULL DEFAULT 'queued'
          CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'skipped', 'unknown')),
        due_at timestamptz NOT NULL DEFAULT now(),
        claim_token uuid,
        lease_until timestamptz,
        handed_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        message_id text,
        provider_id text,
        reason text,
        finished_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (campaign_id, subscriber_id)
      );
      CREATE INDEX IF NOT EXISTS herald_campaign_sends_claim_idx
        ON herald_campaign_sends (campaign_id, due_at, id) WHERE state = 'queued';
      CREATE INDEX IF NOT EXISTS herald_campaign_sends_lease_idx
        ON herald_campaign_sends (campaign_id, lease_until) WHERE state = 'sending';
      CREATE INDEX IF NOT EXISTS herald_campaign_sends_finished_idx
        ON herald_campaign_sends (campaign_id, finished_at DESC) WHERE finished_at IS NOT NULL;
      CREATE INDEX IF NOT EXISTS herald_campaign_sends_state_idx ON herald_campaign_sends (campaign_id, state);
    `);
  },
};
