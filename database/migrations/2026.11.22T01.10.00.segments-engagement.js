'use strict';

// Per-subscriber engagement rollup read by segment conditions ("opened any campaign at least twice
// in the last 30 days"): one row per subscriber, campaign, kind and UTC day, with a count. Tracking
// events feed it in batches; 10M raw events fold into far fewer rows and every question about a
// window of days is one index range scan.
module.exports = {
  async up(knex) {
    await knex.raw(`
      CREATE TABLE IF NOT EXISTS herald_engagement_daily (
        subscriber_id bigint NOT NULL,
        campaign_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('received', 'opened', 'clicked')),
        day date NOT NULL,
        count integer NOT NULL CHECK (count > 0),
        PRIMARY KEY (subscriber_id, kind, campaign_id, day)
      );
      CREATE INDEX IF NOT EXISTS herald_engagement_daily_kind_day_idx ON herald_engagement_daily (kind, day, subscriber_id);
      CREATE INDEX IF NOT EXISTS herald_engagement_daily_campaign_idx ON herald_engagement_daily (campaign_id, kind, subscriber_id);

      -- Events already folded into the rollup (delivery is at least once; counting is not idempotent).
      CREATE TABLE IF NOT EXISTS herald_engagement_applied (
        event_id bigint PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  },
};
