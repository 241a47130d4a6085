import { LEDGER_STATES, type LedgerState } from '../domain/ledger-states';
import { TALLIES } from './send-tables';

// Ledger states that rows are stored in ('sending' is a queued row of a claim handed over).
export type TalliedState = Exclude<LedgerState, 'sending'>;
export const TALLIED = LEDGER_STATES.filter((s): s is TalliedState => s !== 'sending');

// The statement that appends a tally for ledger rows a data-modifying CTE changed: `moved` names
// the CTE, which returns each changed row's campaign_id and, unless `to` is null (rows deleted),
// its new state as `state`; every row left `from` (null: rows inserted). Written in the same
// statement as the change, so the tallies add up to the ledger in every snapshot. Nothing is
// appended when no row changed.
const tallyChanges = (moved: string, from: TalliedState | null, to: 'state' | null): string => {
  const delta = (state: TalliedState) => `${to ? `count(*) FILTER (WHERE state = '${state}')` : '0'}${from === state ? ' - count(*)' : ''}`;
  return `INSERT INTO ${TALLIES} (campaign_id, ${TALLIED.join(', ')})
          SELECT campaign_id, ${TALLIED.map(delta).join(', ')} FROM ${moved} GROUP BY campaign_id`;
};

// A data-modifying statement whose ledger changes are tallied: `ctes` ends with one named `moved`
// (see tallyChanges); `select` reads what the caller wants from them.
export const withTally = (ctes: string, from: TalliedState | null, to: 'state' | null, select: string): string =>
  `WITH ${ctes}, tally AS (${tallyChanges('moved', from, to)}) ${select}`;

// Sums of a campaign's tallies: its ledger's rows by state, and those sent in the last minute.
export const tallySums = (where: string): string =>
  `SELECT campaign_id, ${TALLIED.map((s) => `coalesce(sum(${s}), 0) AS ${s}`).join(', ')},
          coalesce(sum(sent) FILTER (WHERE at > now() - interval '1 minute'), 0) AS recent
   FROM ${TALLIES} WHERE ${where} GROUP BY campaign_id`;
