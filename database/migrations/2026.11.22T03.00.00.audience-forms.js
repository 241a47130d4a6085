'use strict';

// Per-form counters (views, submissions, confirmations). A public page view must not cost a row
// write each time, so the audience plugin buffers increments and adds them in one UPSERT per flush.
module.exports = {
  async up(knex) {
    await knex.raw(`
      CREATE TABLE IF NOT EXISTS herald_form_counts (
        form_document_id text PRIMARY KEY,
        views bigint NOT NULL DEFAULT 0,
        submissions bigint NOT NULL DEFAULT 0,
        confirmations bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  },
};
