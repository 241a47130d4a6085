'use strict';

// Bulk tagging jobs too large for one request: the request and its progress live here (the queue
// job only carries the id), so a retried or duplicated queue job resumes after the last committed
// batch (after_id) instead of starting again.
module.exports = {
  async up(knex) {
    await knex.raw(`
      CREATE TABLE IF NOT EXISTS herald_tagging_jobs (
        id bigserial PRIMARY KEY,
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
        action text NOT NULL CHECK (action IN ('add', 'remove')),
        tag_ids integer[] NOT NULL,
        target jsonb NOT NULL,
        total integer NOT NULL DEFAULT 0,
        processed integer NOT NULL DEFAULT 0,
        changed integer NOT NULL DEFAULT 0,
        after_id integer NOT NULL DEFAULT 0,
        actor text,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      );
    `);
  },
};
