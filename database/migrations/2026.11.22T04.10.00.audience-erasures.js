'use strict';

// Addresses erased under GDPR, kept only as the sha-256 of the normalised address (the same hash
// consent records keep), so an import or a form cannot quietly bring an erased person back.
module.exports = {
  async up(knex) {
    await knex.raw(`
      CREATE TABLE IF NOT EXISTS herald_erasures (
        email_hash text PRIMARY KEY,
        erased_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  },
};
