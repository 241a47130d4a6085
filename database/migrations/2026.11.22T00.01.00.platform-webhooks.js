'use strict';

// Outbound webhook deliveries (one per subscription and event) and every attempt made for them.
module.exports = {
  async up(knex) {
    await knex.raw(`
      CREATE TABLE IF NOT EXISTS herald_webhook_deliveries (
        id bigserial PRIMARY KEY,
        subscription_document_id text NOT NULL,
        event_id bigint NOT NULL,
        event_type text NOT NULL,
        url text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
        attempts integer NOT NULL DEFAULT 0,
        last_status_code integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        UNIQUE (subscription_document_id, event_id)
      );
      CREATE INDEX IF NOT EXISTS herald_webhook_deliveries_recent_idx ON herald_webhook_deliveries (created_at DESC, id DESC);
      CREATE INDEX IF NOT EXISTS herald_webhook_deliveries_status_idx ON herald_webhook_deliveries (status, created_at DESC);

      CREATE TABLE IF NOT EXISTS herald_webhook_attempts (
        id bigserial PRIMARY KEY,
        delivery_id bigint NOT NULL REFERENCES herald_webhook_deliveries (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        status_code integer,
        duration_ms integer NOT NULL,
        response_excerpt text,
        error text,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS herald_webhook_attempts_delivery_idx ON herald_webhook_attempts (delivery_id, id);
    `);
  },
};
