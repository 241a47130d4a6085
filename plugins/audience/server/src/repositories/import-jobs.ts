import type { Knex } from 'knex';
import type { Delimiter, Encoding } from '../domain/csv-detect';
import type { ImportOptions } from '../domain/import-options';
import type { JobState } from '../domain/import-job';
import type { Mapping } from '../domain/import-mapping';

const JOBS = 'herald_import_jobs';

export type JobRow = {
  id: string;
  state: JobState;
  file_name: string;
  file_size: string;
  encoding: Encoding;
  bom: boolean;
  delimiter: Delimiter;
  headers: string[];
  options: ImportOptions | null;
  created_by_id: string | null;
  created_by_label: string | null;
  rows_read: number;
  bytes_read: string;
  staged: number;
  merged: number;
  applied: number;
  inserted: number;
  updated: number;
  skipped: number;
  error_rows: number;
  error: string | null;
  created_at: Date;
  updated_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
};

export type NewJob = Pick<JobRow, 'file_name' | 'encoding' | 'bom' | 'delimiter' | 'headers' | 'created_by_id' | 'created_by_label'> & {
  file_size: number;
};

export type AppliedCounts = { applied: number; inserted: number; updated: number; skipped: number; errorRows: number };

// Strapi's PostgreSQL setup may hand jsonb back as text.
export const parseJobRow = (row: JobRow): JobRow => ({
  ...row,
  headers: typeof row.headers === 'string' ? JSON.parse(row.headers) : row.headers,
  options: typeof row.options === 'string' ? JSON.parse(row.options) : row.options,
});
const parsed = (row: JobRow | undefined): JobRow | null => (row ? parseJobRow(row) : null);

// SQL for herald_import_jobs. Every state change is a compare-and-set on the current state, so two
// workers (or a worker and a cancel click) never both win.
export const importJobs = (knex: Knex) => ({
  async create(trx: Knex.Transaction, job: NewJob): Promise<string> {
    const [{ id }] = await trx(JOBS)
      .insert({ ...job, headers: JSON.stringify(job.headers) })
      .returning('id');
    return String(id);
  },

  find: async (id: string): Promise<JobRow | null> => parsed(await knex(JOBS).where({ id }).first()),

  // For the admin list, newest first.
  all: () => knex(JOBS),

  // The mapping this admin chose last time, to suggest it again for files with the same headers.
  async lastMapping(adminId: string): Promise<{ headers: string[]; mapping: Mapping } | null> {
    const job = parsed(await knex(JOBS).where({ created_by_id: adminId }).whereNotNull('started_at').orderBy('started_at', 'desc').first());
    return job?.options ? { headers: job.headers, mapping: job.options.mapping } : null;
  },

  async start(id: string, settings: { encoding: Encoding; delimiter: Delimiter; headers: string[]; options: ImportOptions }) {
    const updated = await knex(JOBS)
      .where({ id, state: 'uploaded' })
      .update({
        ...settings,
        headers: JSON.stringify(settings.headers),
        options: JSON.stringify(settings.options),
        state: 'queued',
        started_at: knex.fn.now(),
        updated_at: knex.fn.now(),
      });
    return updated === 1;
  },

  async move(id: string, from: readonly JobState[], to: JobState, extra: Partial<Pick<JobRow, 'staged' | 'error'>> = {}, db: Knex = knex) {
    const finished = ['done', 'failed', 'cancelled'].includes(to);
    const updated = await db(JOBS)
      .where({ id })
      .whereIn('state', from)
      .update({ ...extra, state: to, updated_at: db.fn.now(), ...(finished ? { finished_at: db.fn.now() } : {}) });
    return updated === 1;
  },

  // Takes the job row lock for one staging batch, if the job is still staging from where this
  // worker thinks it is. A second worker on the same job waits here, then finds it moved on.
  async lockStaging(trx: Knex.Transaction, id: string, rowsRead: number): Promise<boolean> {
    return Boolean(await trx(JOBS).where({ id, state: 'staging', rows_read: rowsRead }).first('id').forUpdate());
  },

  recordStaged: (trx: Knex.Transaction, id: string, c: { rowsRead: number; bytesRead: number; merged: number; errorRows: number }) =>
    trx(JOBS)
      .where({ id })
      .update({
        rows_read: c.rowsRead,
        bytes_read: c.bytesRead,
        merged: trx.raw('merged + ?', [c.merged]),
        error_rows: trx.raw('error_rows + ?', [c.errorRows]),
        updated_at: trx.fn.now(),
      }),

  // Adds one batch's counts, unless the job stopped applying meanwhile (cancelled): then nothing.
  async recordApplied(trx: Knex.Transaction, id: string, c: AppliedCounts): Promise<boolean> {
    const updated = await trx(JOBS)
      .where({ id, state: 'applying' })
      .update({
        applied: trx.raw('applied + ?', [c.applied]),
        inserted: trx.raw('inserted + ?', [c.inserted]),
        updated: trx.raw('updated + ?', [c.updated]),
        skipped: trx.raw('skipped + ?', [c.skipped]),
        error_rows: trx.raw('error_rows + ?', [c.errorRows]),
        updated_at: trx.fn.now(),
      });
    return updated === 1;
  },

  // Done once no batch is left unwritten (another worker may still hold one).
  async finishApplying(id: string): Promise<boolean> {
    const updated = await knex(JOBS)
      .where({ id, state: 'applying' })
      .whereNotExists(knex('herald_import_batches').where({ job_id: id }).whereNull('done_at'))
      .update({ state: 'done', updated_at: knex.fn.now(), finished_at: knex.fn.now() });
    return updated === 1;
  },

  // Unfinished jobs whose progress has not moved for `idleMs`.
  async stalled(idleMs: number): Promise<Array<{ id: string; updatedAt: Date }>> {
    const rows: Array<{ id: string; updated_at: Date }> = await knex(JOBS)
      .whereIn('state', ['queued', 'staging', 'applying'])
      .where('updated_at', '<', new Date(Date.now() - idleMs))
      .select('id', 'updated_at');
    return rows.map((r) => ({ id: String(r.id), updatedAt: r.updated_at }));
  },
});
