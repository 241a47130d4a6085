import type { Knex } from 'knex';
import type { RowProblem } from '../domain/import-row';

const ERRORS = 'herald_import_errors';

// The rows an import turned away, one line per problem, for the downloadable report.
export const importErrors = (knex: Knex) => ({
  // Returns how many distinct rows the problems concern.
  async add(trx: Knex.Transaction, jobId: string, problems: RowProblem[]): Promise<number> {
    if (problems.length === 0) return 0;
    await trx.raw(
      `INSERT INTO ${ERRORS} (job_id, row_number, column_name, value, reason)
       SELECT ?::bigint, * FROM unnest(?::int[], ?::text[], ?::text[], ?::text[])
       ON CONFLICT DO NOTHING`,
      [jobId, problems.map((p) => p.row), problems.map((p) => p.column), problems.map((p) => p.value), problems.map((p) => p.reason)]
    );
    return new Set(problems.map((p) => p.row)).size;
  },

  // A page of problems in row order, after the given one (keyset: the report may hold a million lines).
  after: (jobId: string, cursor: { row: number; column: string } | null, limit: number): Promise<RowProblem[]> =>
    knex(ERRORS)
      .where({ job_id: jobId })
      .modify((q) => {
        if (cursor) q.whereRaw('(row_number, column_name) > (?, ?)', [cursor.row, cursor.column]);
      })
      .orderBy([
        { column: 'row_number', order: 'asc' },
        { column: 'column_name', order: 'asc' },
      ])
      .limit(limit)
      .select('row_number as row', 'column_name as column', 'value', 'reason'),
});
