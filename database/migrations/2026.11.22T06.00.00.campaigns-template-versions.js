'use strict';

// Every save of a template, kept so an editor can look back and restore. Written once per save,
// read by the editor's version list; never touched by Strapi's schema sync.
module.exports = {
  async up(knex) {
    await knex.raw(`
      CREATE TABLE IF NOT EXISTS herald_template_versions (
        id bigserial PRIMARY KEY,
        template_document_id text NOT NULL,
        version integer NOT NULL,
        name text NOT NULL,
        preheader text,
        body jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (template_document_id, version)
      );
    `);
  },
};
