'use strict';

// The rollup indexes segment conditions read, made covering (the names recommendedIndexes() gives
// them): a window of days for one kind, summed for "at least N times", and a window of days on one
// campaign, both answered by index-only scans. They replace the narrower indexes of the first
// migration. One subscriber's rows are probed through the primary key, which already leads with
// subscriber_id and holds every column those probes test.
module.exports = {
  async up(knex) {
    await knex.raw(`
      CREATE INDEX IF NOT EXISTS herald_engagement_daily_segment_kind_day_idx
        ON herald_engagement_daily (kind, day, subscriber_id) INCLUDE (count);
      CREATE INDEX IF NOT EXISTS herald_engagement_daily_segment_campaign_idx
        ON herald_engagement_daily (campaign_id, kind, day) INCLUDE (subscriber_id, count);
      DROP INDEX IF EXISTS herald_engagement_daily_kind_day_idx;
      DROP INDEX IF EXISTS herald_engagement_daily_campaign_idx;
    `);
  },
};
