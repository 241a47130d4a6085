'use strict';

// The event outbox. Rows are written in the emitter's transaction, so a rollback emits nothing;
// dispatchers claim one partition at a time (advisory lock) and deliver in id order, which keeps
// events of one subject in order. A statement-level trigger wakes LISTENing dispatchers.
module.exports = {
  async up(knex) {
    await knex.raw(`
      CREATE TABLE IF NOT EXISTS herald_events (
        id bigserial PRIMARY KEY,
        type text NOT NULL,
        subject text NOT NULL,
        partition smallint NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_error text,
        dead_at timestamptz
      );
      CREATE INDEX IF NOT EXISTS herald_events_pending_idx
        ON herald_events (partition, id) WHERE delivered_at IS NULL AND dead_at IS NULL;
      CREATE INDEX IF NOT EXISTS herald_events_type_created_idx ON herald_events (type, created_at);

      CREATE OR REPLACE FUNCTION herald_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('herald_events', '');
        RETURN NULL;
      END $$;
      DROP TRIGGER IF EXISTS herald_events_notify ON herald_events;
      CREATE TRIGGER herald_events_notify AFTER INSERT ON herald_events
        FOR EACH STATEMENT EXECUTE FUNCTION herald_events_notify();
    `);
  },
};
