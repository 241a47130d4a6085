'use strict';

// Events already turned into timeline entries: delivery is at least once, so an entry written from
// an event is written together with its event id here, and a redelivered event adds nothing.
module.exports = {
  async up(knex) {
    await knex.raw(`
      CREATE TABLE IF NOT EXISTS herald_activity_applied (
        event_id bigint PRIMARY KEY,
        applied_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  },
};
