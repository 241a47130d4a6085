// Tables the send pipeline owns (database/migrations): the per-recipient ledger, the claims that
// workers hold on its rows, and each campaign's claim cursor.
export const LEDGER = 'herald_campaign_sends';
export const CLAIMS = 'herald_campaign_send_claims';
export const CURSORS = 'herald_campaign_send_cursors';
// Running totals of each campaign's ledger by state (send-tallies.ts).
export const TALLIES = 'herald_campaign_send_tallies';
