'use strict';

// Who did what to which Herald entity, when and from where. Append-only.
module.exports = {
  async up(knex) {
    await knex.raw(`
      CREATE TABLE IF NOT EXISTS herald_audit_log (
        id bigserial PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now(),
        actor_type text NOT NULL,
        actor_id text,
        actor_label text,
        action text NOT NULL,
        entity_uid text NOT NULL,
        entity_id text,
        changed_fields text[] NOT NULL DEFAULT '{}',
        ip text,
        user_agent text
      );
      CREATE INDEX IF NOT EXISTS herald_audit_log_recent_idx ON herald_audit_log (created_at DESC, id DESC);
      CREATE INDEX IF NOT EXISTS herald_audit_log_entity_idx ON herald_audit_log (entity_uid, entity_id, created_at DESC);
    `);
  },
};
