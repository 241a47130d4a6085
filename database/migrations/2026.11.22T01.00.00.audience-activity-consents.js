'use strict';

// Per-subscriber activity timeline and append-only consent records. Both key on the subscriber's
// documentId (stable across Strapi's internal ids) and survive an erase only as hashes.
module.exports = {
  async up(knex) {
    await knex.raw(`
      CREATE TABLE IF NOT EXISTS herald_subscriber_activity (
        id bigserial PRIMARY KEY,
        subscriber_document_id text NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        actor text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS herald_subscriber_activity_timeline_idx
        ON herald_subscriber_activity (subscriber_document_id, created_at DESC, id DESC);

      CREATE TABLE IF NOT EXISTS herald_consents (
        id bigserial PRIMARY KEY,
        subscriber_document_id text,
        email_hash text NOT NULL,
        action text NOT NULL CHECK (action IN ('granted', 'withdrawn')),
        basis text NOT NULL,
        form_document_id text,
        form_version text,
        wording_hash text,
        wording text,
        method text NOT NULL,
        ip text,
        user_agent text,
        confirmed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS herald_consents_subscriber_idx ON herald_consents (subscriber_document_id, created_at DESC);
      CREATE INDEX IF NOT EXISTS herald_consents_email_hash_idx ON herald_consents (email_hash);

      -- Append-only: consent history is evidence, so rows are never changed or removed in place.
      CREATE OR REPLACE FUNCTION herald_consents_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.subscriber_document_id IS NOT NULL AND NEW.subscriber_document_id IS NULL
           AND NEW.wording IS NOT DISTINCT FROM OLD.wording AND NEW.email_hash = OLD.email_hash THEN
          RETURN NEW; -- detaching from an erased subscriber is the one change allowed
        END IF;
        RAISE EXCEPTION 'herald_consents is append-only';
      END $$;
      DROP TRIGGER IF EXISTS herald_consents_append_only ON herald_consents;
      CREATE TRIGGER herald_consents_append_only BEFORE UPDATE OR DELETE ON herald_consents
        FOR EACH ROW EXECUTE FUNCTION herald_consents_append_only();
    `);
  },
};
