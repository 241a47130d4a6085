'use strict';

// An index no query reads, a cost on every insert (an import writes a million events at a time):
// herald_events (type, created_at): events are read by id, by partition while pending, and by subject.
module.exports = {
  async up(knex) {
    await knex.raw(`
      DROP INDEX IF EXISTS herald_events_type_created_idx;
    `);
  },
};
