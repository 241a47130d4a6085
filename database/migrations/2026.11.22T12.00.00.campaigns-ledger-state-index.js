'use strict';

// Every claim and every finish changes a ledger row's state, and each such update also inserted
// into the (campaign_id, state) index: about a fifth of the ledger's write cost in a send (100,000
// claim-hand-finish cycles: 7.8 s with it, 6.3 s without). What it served is covered by the
// partial indexes (queued rows, sending rows) and the (campaign_id, subscriber_id) key.
module.exports = {
  async up(knex) {
    await knex.raw('DROP INDEX IF EXISTS herald_campaign_sends_state_idx');
  },
};
