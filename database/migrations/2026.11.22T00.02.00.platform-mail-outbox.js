'use strict';

// Where mail goes when no Mailgun key is configured: one row per recipient, as they would see it.
module.exports = {
  async up(knex) {
    await knex.raw(`
      CREATE TABLE IF NOT EXISTS herald_mail_outbox (
        id bigserial PRIMARY KEY,
        message_id text NOT NULL,
        batch_id text,
        from_address text NOT NULL,
        to_address text NOT NULL,
        reply_to text,
        subject text NOT NULL,
        html text,
        text_body text,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        tags text[] NOT NULL DEFAULT '{}',
        variables jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS herald_mail_outbox_recent_idx ON herald_mail_outbox (created_at DESC, id DESC);
      CREATE INDEX IF NOT EXISTS herald_mail_outbox_to_idx ON herald_mail_outbox (lower(to_address));
    `);
  },
};
