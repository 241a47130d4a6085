import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { SAMPLE_BYTES, detectDelimiter, detectEncoding, headerOf, looksBinary } from '../domain/csv-detect';
import { csvRecordBatches } from '../domain/csv-records';
import type { FieldDefinition } from '../domain/field-values';
import { FINISHED_STATES, progressOf } from '../domain/import-job';
import { suggestMapping, targetsFor } from '../domain/import-mapping';
import { parseSettings, parseStart, type CsvSettings } from '../domain/import-options';
import { Refusal } from '../domain/refusal';
import { spreadsheetSafe } from '../domain/spreadsheet-safe';
import { importErrors } from '../repositories/import-errors';
import { importFiles } from '../repositories/import-files';
import { importJobs, parseJobRow, type JobRow } from '../repositories/import-jobs';

export type Upload = { filepath: string; name: string; size: number };
export type Admin = { id: string; label: string | null };

const PREVIEW_ROWS = 10;
const REPORT_PAGE = 5000;
// How much of the upload goes into one stored chunk.
const CHUNK_BYTES = 1024 * 1024;

// What the admin panel sees of a job.
const view = (job: JobRow) => ({
  id: job.id,
  state: job.state,
  fileName: job.file_name,
  fileSize: Number(job.file_size),
  // bom: the file starts with a byte order mark (detected, and skipped when reading).
  settings: { encoding: job.encoding, delimiter: job.delimiter, bom: job.bom },
  headers: job.headers,
  options: job.options,
  createdBy: job.created_by_label,
  createdAt: job.created_at,
  startedAt: job.started_at,
  finishedAt: job.finished_at,
  error: job.error,
  counts: {
    rowsRead: Math.max(job.rows_read - 1, 0),
    merged: job.merged,
    staged: job.staged,
    applied: job.applied,
    inserted: job.inserted,
    updated: job.updated,
    skipped: job.skipped,
    errors: job.error_rows,
  },
  progress: progressOf(job.state, {
    fileSize: Number(job.file_size),
    bytesRead: Number(job.bytes_read),
    rowsRead: job.rows_read,
    staged: job.staged,
    applied: job.applied,
  }),
});

const readSample = async (filepath: string): Promise<Buffer> => {
  const file = await open(filepath);
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await file.read(buffer, 0, SAMPLE_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
};

// Uploads, previews, starts, follows and cancels CSV imports for the admin API. The work itself
// happens in a worker (services/import-runner.ts).
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const jobs = () => importJobs(knex());
  const files = () => importFiles(knex());
  const definitions = (): Promise<FieldDefinition[]> => strapi.plugin('audience').service('fields').definitions();

  const load = async (id: string): Promise<JobRow> => {
    const job = /^[1-9][0-9]{0,17}$/.test(id) ? await jobs().find(id) : null;
    if (!job) throw new Refusal('not-found', `no import with id ${JSON.stringify(id)}`);
    return job;
  };

  // The header and first rows of a stored file read with the given settings.
  const sample = async (job: JobRow, settings: CsvSettings, rows: number) => {
    const records: string[][] = [];
    for await (const batch of csvRecordBatches(files().read(job.id), settings)) {
      records.push(...batch.flatMap((r) => ('cells' in r && r.row <= rows ? [r.cells] : [])));
      if (batch[batch.length - 1].row >= rows) break;
    }
    const [headers = [], ...data] = records;
    return { headers: headers.map((h) => h.trim()), rows: data };
  };

  return {
    // Stores the file (in PostgreSQL, for workers anywhere) with what detection found.
    async upload(upload: Upload, admin: Admin) {
      if (upload.size === 0) throw new Refusal('invalid', 'the file is empty');
      const head = await readSample(upload.filepath);
      const { encoding, bom } = detectEncoding(head, head.length < upload.size);
      const text = iconv.decode(head, encoding, { stripBOM: true });
      if (looksBinary(text)) throw new Refusal('invalid', 'the file is not CSV text (save the spreadsheet as CSV first)');
      const delimiter = detectDelimiter(text);
      const headers = headerOf(text, delimiter);
      if (headers.every((h) => h === '')) throw new Refusal('invalid', 'the file has no header row');
      const id = await knex().transaction(async (trx) => {
        const created = await jobs().create(trx, {
          file_name: upload.name,
          file_size: upload.size,
          encoding,
          bom,
          delimiter,
          headers,
          created_by_id: admin.id,
          created_by_label: admin.label,
        });
        await files().store(trx, created, createReadStream(upload.filepath, { highWaterMark: CHUNK_BYTES }));
        return created;
      });
      return this.show(id);
    },

    // The first rows as the import would read them, the settings used, and a mapping to start from
    // (this admin's last one for headers seen before, else guessed from the header names).
    async preview(id: string, query: Record<string, unknown>, admin: Admin) {
      const job = await load(id);
      const settings = parseSettings(query, job);
      if ('problems' in settings) throw new Refusal('invalid', settings.problems.join('; '), settings.problems);
      const { headers, rows } = await sample(job, settings, PREVIEW_ROWS + 1);
      if (headers.every((h) => h === '')) throw new Refusal('invalid', 'the file has no header row');
      const fields = await definitions();
      const remembered = await jobs().lastMapping(admin.id);
      return {
        id: job.id,
        settings,
        detected: { encoding: job.encoding, delimiter: job.delimiter },
        headers,
        rows,
        mapping: suggestMapping(headers, fields, remembered),
        targets: targetsFor(fields),
      };
    },

    // Checks the choices, resolves the tags to apply (creating new names), then queues the job.
    async start(id: string, body: unknown) {
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Refusal('invalid', 'the body must be a JSON object');
      const input = body as Record<string, unknown>;
      const job = await load(id);
      if (job.state !== 'uploaded') throw new Refusal('conflict', `this import cannot start: it is ${job.state}`);
      const settings = parseSettings(input, job);
      if ('problems' in settings) throw new Refusal('invalid', settings.problems.join('; '), settings.problems);
      const { headers } = await sample(job, settings, 1);
      const parsed = parseStart(input, headers, await definitions());
      if ('problems' in parsed) throw new Refusal('invalid', parsed.problems.join('; '), parsed.problems);
      await strapi.plugin('audience').service('tag-resolver').resolve(parsed.options.tags);
      if (!(await jobs().start(id, { ...settings, headers, options: parsed.options }))) {
        throw new Refusal('conflict', 'this import was started meanwhile');
      }
      await strapi.plugin('audience').service('import-runner').enqueue(id);
      return this.show(id);
    },

    async show(id: string) {
      return view(await load(id));
    },

    async list({ page, pageSize }: { page: number; pageSize: number }) {
      const { results, pagination } = await strapi.plugin('platform').service('lists').newestFirst(jobs().all(), { page, pageSize });
      return { results: (results as JobRow[]).map((row) => view(parseJobRow(row))), pagination };
    },

    // Stops an import at its next batch; what was written before stays.
    async cancel(id: string) {
      const job = await load(id);
      if (FINISHED_STATES.includes(job.state)) throw new Refusal('conflict', `this import is already ${job.state}`);
      if (!(await jobs().move(id, ['uploaded', 'queued', 'staging', 'applying'], 'cancelled'))) {
        throw new Refusal('conflict', 'this import finished meanwhile');
      }
      if (job.state === 'uploaded') await files().remove(id);
      return this.show(id);
    },

    // The rows turned away, as CSV (row, column, value, reason), streamed page by page.
    async errorReport(id: string): Promise<{ fileName: string; body: Readable }> {
      const job = await load(id);
      const errors = importErrors(knex());
      async function* lines() {
        yield stringify([['row', 'column', 'value', 'reason']]);
        let cursor: { row: number; column: string } | null = null;
        for (;;) {
          const page = await errors.after(id, cursor, REPORT_PAGE);
          if (page.length === 0) return;
          yield stringify(page.map((p) => [p.row, spreadsheetSafe(p.column), spreadsheetSafe(p.value ?? ''), spreadsheetSafe(p.reason)]));
          cursor = page[page.length - 1];
        }
      }
      return { fileName: `${job.file_name.replace(/\.[^.]*$/, '')}-errors.csv`, body: Readable.from(lines()) };
    },
  };
};
