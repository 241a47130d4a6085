import type { Knex } from 'knex';
import type { StagedRow } from '../domain/import-row';
import { copyRows } from './copy';

const ROWS = 'herald_import_rows';
const BATCHES = 'herald_import_batches';
const COLUMNS = ['job_id', 'email', 'row_number', 'first_name', 'last_name', 'status', 'time_zone', 'language', 'fields', 'tags'];

type Row = {
  email: string;
  row_number: number;
  first_name: string | null;
  last_name: string | null;
  status: string | null;
  time_zone: string | null;
  language: string | null;
  fields: StagedRow['fields'] | string;
  tags: string[] | string;
};

// Strapi's PostgreSQL setup may hand jsonb back as text.
const json = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

const toStaged = (r: Row): StagedRow => ({
  row: r.row_number,
  email: r.email,
  firstName: r.first_name ?? undefined,
  lastName: r.last_name ?? undefined,
  status: r.status ?? undefined,
  timeZone: r.time_zone ?? undefined,
  language: r.language ?? undefined,
  fields: json(r.fields),
  tags: json(r.tags),
});

export type Batch = { batchNo: number; firstEmail: string; lastEmail: string };

// The staging table (one row per address of a job) and the batches it is applied in.
export const importStaging = (knex: Knex) => ({
  // The rows already staged for these addresses (an address met again further down the file).
  // One index probe per address (LATERAL), which stays cheap however large the staging table grows.
  async find(trx: Knex.Transaction, jobId: string, emails: string[]): Promise<Map<string, StagedRow>> {
    const { rows } = await trx.raw(
      `SELECT found.* FROM unnest(?::text[]) AS wanted (email)
       CROSS JOIN LATERAL (SELECT * FROM ${ROWS} WHERE job_id = ? AND email = wanted.email) AS found`,
      [emails, jobId]
    );
    return new Map((rows as Row[]).map((r) => [r.email, toStaged(r)]));
  },

  // Stages rows by COPY, first removing the earlier versions of those that merged with them.
  async put(trx: Knex.Transaction, jobId: string, rows: StagedRow[], replacing: string[]): Promise<void> {
    if (replacing.length) await trx(ROWS).where({ job_id: jobId }).whereRaw('email = ANY(?::text[])', [replacing]).delete();
    await copyRows(
      trx,
      ROWS,
      COLUMNS,
      rows.map((r) => [
        jobId,
        r.email,
        r.row,
        r.firstName ?? null,
        r.lastName ?? null,
        r.status ?? null,
        r.timeZone ?? null,
        r.language ?? null,
        JSON.stringify(r.fields),
        JSON.stringify(r.tags),
      ])
    );
  },

  // Cuts the staged addresses into ranges of `size`, in address order. Returns how many rows there are.
  async planBatches(trx: Knex.Transaction, jobId: string, size: number): Promise<number> {
    await trx.raw(
      `INSERT INTO ${BATCHES} (job_id, batch_no, first_email, last_email, row_count)
       SELECT ?, n, min(email), max(email), count(*)::int
       FROM (SELECT email, (row_number() OVER (ORDER BY email) - 1) / ? AS n FROM ${ROWS} WHERE job_id = ?) ranked
       GROUP BY n
       ON CONFLICT DO NOTHING`,
      [jobId, size, jobId]
    );
    const [{ total }] = await trx(BATCHES).where({ job_id: jobId }).sum<Array<{ total: string | null }>>('row_count as total');
    return Number(total ?? 0);
  },

  // The next batch nobody is writing (SKIP LOCKED), held until the transaction ends.
  async claim(trx: Knex.Transaction, jobId: string): Promise<Batch | null> {
    const batch = await trx(BATCHES)
      .where({ job_id: jobId })
      .whereNull('done_at')
      .orderBy('batch_no')
      .first('batch_no', 'first_email', 'last_email')
      .forUpdate()
      .skipLocked();
    return batch ? { batchNo: batch.batch_no, firstEmail: batch.first_email, lastEmail: batch.last_email } : null;
  },

  async rows(trx: Knex.Transaction, jobId: string, batch: Batch): Promise<StagedRow[]> {
    const rows: Row[] = await trx(ROWS)
      .where({ job_id: jobId })
      .whereBetween('email', [batch.firstEmail, batch.lastEmail])
      .orderBy('email');
    return rows.map(toStaged);
  },

  finish: (trx: Knex.Transaction, jobId: string, batch: Batch) =>
    trx(BATCHES).where({ job_id: jobId, batch_no: batch.batchNo }).update({ done_at: trx.fn.now() }),

  async tagReferences(jobId: string): Promise<string[]> {
    const { rows } = await knex.raw(`SELECT DISTINCT jsonb_array_elements_text(tags) AS tag FROM ${ROWS} WHERE job_id = ?`, [jobId]);
    return rows.map((r: { tag: string }) => r.tag);
  },

  async clear(jobId: string) {
    await knex(ROWS).where({ job_id: jobId }).delete();
    await knex(BATCHES).where({ job_id: jobId }).delete();
  },
});
