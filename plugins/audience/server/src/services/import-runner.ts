import type { Core } from '@strapi/strapi';
import type { Job } from 'bullmq';
import type { Knex } from 'knex';
import { csvRecordBatches } from '../domain/csv-records';
import { newDocumentId } from '../domain/document-id';
import type { FieldDefinition } from '../domain/field-values';
import { FINISHED_STATES, RUNNING_STATES } from '../domain/import-job';
import { erasedRow, planRow, type Plan, type PlanContext } from '../domain/import-plan';
import { compileColumns, mergeRows, validateRow, type RowProblem, type StagedRow } from '../domain/import-row';
import { importErrors } from '../repositories/import-errors';
import { importFiles } from '../repositories/import-files';
import { importJobs, type JobRow } from '../repositories/import-jobs';
import { importStaging, type Batch } from '../repositories/import-staging';
import { subscriberBulk, type LockedSubscriber, type TagLink } from '../repositories/subscriber-bulk';

export const IMPORT_QUEUE = 'audience-import';

// Records parsed per staging transaction, and addresses written per apply transaction (each one
// also writes about two events and two timeline entries per address).
const STAGE_BATCH = 5_000;
const APPLY_BATCH = 2_500;
// The parser turns what it is given into records at once: small pieces of the stored chunks keep few
// records waiting through a commit, where they would survive into the old generation of a capped heap
// and be collected over and over.
const PARSE_PIECE_BYTES = 64 * 1024;
// Batches written at once by one worker: PostgreSQL works on one while Node prepares the next.
const APPLY_LOOPS = 2;
// A batch whose new addresses someone else created meanwhile is planned again.
const APPLY_ATTEMPTS = 3;
const UNIQUE_VIOLATION = '23505';

// An import nobody has moved for this long is queued again when a process boots.
const STALLED_MS = 2 * 60_000;

// The job was cancelled, or another worker owns it now: stop quietly, its state is in the database.
class Stopped extends Error {}
// The worker was asked to stop (shutting down): fail this attempt so the queue retries it elsewhere.
export class Interrupted extends Error {
  constructor() {
    super('the import was interrupted between two batches; it resumes from there');
  }
}
class AddressTaken extends Error {}

type ImportJob = { importId: string };
// Records fromRow+1..toRow of the file: their valid rows (merged by address), problems and progress.
type StagingBatch = { rows: StagedRow[]; problems: RowProblem[]; merged: number; fromRow: number; toRow: number; bytes: number };

// The import worker. Phase one reads the stored file into the staging table, one row per address;
// phase two writes subscribers batch by batch. Every batch commits its writes together with the
// job's progress, so a crash, a retry or a second worker resumes from the last commit.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const jobs = () => importJobs(knex());
  const staging = () => importStaging(knex());
  const errors = () => importErrors(knex());
  const audience = () => strapi.plugin('audience');

  // Stages a batch; returns how many of its addresses were staged by earlier batches. Most files
  // repeat no address across batches, so the batch is first copied in as is; a duplicate key sends
  // it the slower way, merging into the rows staged earlier for those addresses.
  const stageRows = async (trx: Knex.Transaction, id: string, rows: StagedRow[]): Promise<number> => {
    try {
      await trx.transaction((savepoint) => staging().put(savepoint, id, rows, []));
      return 0;
    } catch (err) {
      if ((err as { code?: string }).code !== UNIQUE_VIOLATION) throw err;
    }
    const earlier = await staging().find(
      trx,
      id,
      rows.map((r) => r.email)
    );
    const merged = rows.map((r) => (earlier.has(r.email) ? mergeRows(earlier.get(r.email)!, r) : r));
    await staging().put(trx, id, merged, [...earlier.keys()]);
    return earlier.size;
  };

  const commitStaging = (id: string, batch: StagingBatch) =>
    knex().transaction(async (trx) => {
      // Safe without waiting for the disk: a batch lost in a database crash is lost together with
      // the progress that records it, so the job simply reads it again.
      await trx.raw('SET LOCAL synchronous_commit = off');
      if (!(await jobs().lockStaging(trx, id, batch.fromRow))) throw new Stopped();
      const mergedEarlier = await stageRows(trx, id, batch.rows);
      const errorRows = await errors().add(trx, id, batch.problems);
      await jobs().recordStaged(trx, id, {
        rowsRead: batch.toRow,
        bytesRead: batch.bytes,
        merged: batch.merged + mergedEarlier,
        errorRows,
      });
    });

  // Phase one. Rows up to job.rows_read were committed by an earlier run and are skipped. While a
  // batch commits, the next one is parsed.
  const stage = async (job: JobRow, signal?: AbortSignal): Promise<number> => {
    const options = job.options!;
    const columns = compileColumns(options.mapping, job.headers, await audience().service('fields').definitions());
    const rules = { allowActive: options.consentBasis !== 'none' };
    let bytes = 0;
    async function* counted() {
      for await (const chunk of importFiles(knex()).read(job.id)) {
        for (let at = 0; at < chunk.length; at += PARSE_PIECE_BYTES) {
          const piece = chunk.subarray(at, at + PARSE_PIECE_BYTES);
          bytes += piece.length;
          yield piece;
        }
      }
    }
    const startAt = (row: number) => ({ problems: [] as RowProblem[], merged: 0, fromRow: row, toRow: row });
    let next = startAt(job.rows_read);
    let byEmail = new Map<string, StagedRow>();
    let committing: Promise<void> | null = null;
    const flush = async () => {
      const batch: StagingBatch = { ...next, rows: [...byEmail.values()], bytes };
      next = startAt(batch.toRow);
      byEmail = new Map();
      await committing;
      if (signal?.aborted) throw new Interrupted();
      committing = commitStaging(job.id, batch);
      // Awaited at the next flush; until then a failure must not count as unhandled.
      committing.catch(() => undefined);
    };

    for await (const records of csvRecordBatches(counted(), { encoding: job.encoding, delimiter: job.delimiter })) {
      for (const record of records) {
        if (record.row <= job.rows_read) continue;
        next.toRow = record.row;
        if ('error' in record)
          next.problems.push({ row: record.row, column: '', value: '', reason: `could not be read as CSV: ${record.error}` });
        else if (record.row > 1) {
          const result = validateRow(record.row, record.cells, columns, job.headers.length, rules);
          if (result && 'problems' in result) next.problems.push(...result.problems);
          else if (result) {
            const earlier = byEmail.get(result.staged.email);
            byEmail.set(result.staged.email, earlier ? mergeRows(earlier, result.staged) : result.staged);
            if (earlier) next.merged++;
          }
        }
        if (next.toRow - next.fromRow >= STAGE_BATCH) await flush();
      }
    }
    await flush();
    await committing;
    return next.toRow;
  };

  const finishStaging = (id: string, rowsRead: number) =>
    knex().transaction(async (trx) => {
      if (!(await jobs().lockStaging(trx, id, rowsRead))) throw new Stopped();
      const staged = await staging().planBatches(trx, id, APPLY_BATCH);
      await jobs().move(id, ['staging'], 'applying', { staged }, trx);
    });

  // What applying needs beyond the rows: field definitions, every tag resolved (created if new),
  // and where each tag's subscriber list ends.
  const applyContext = async (job: JobRow) => {
    const options = job.options!;
    const definitions: FieldDefinition[] = await audience().service('fields').definitions();
    const references = [...options.tags, ...(await staging().tagReferences(job.id))];
    const tagIds: Map<string, number> = await audience().service('tag-resolver').resolve(references);
    const schema = audience().service('schema');
    const bulk = subscriberBulk(schema.subscriberTable(), schema.tagLinks());
    const subscriberOrders = await bulk.lastSubscriberOrders(knex(), [...new Set(tagIds.values())]);
    const plan: PlanContext = {
      mode: options.mode,
      definitions,
      defaultStatus: options.status,
      tagIds: options.tags.map((t) => tagIds.get(t)!),
      tagIdOf: (reference) => tagIds.get(reference)!,
      columnOf: (key) => job.headers[options.mapping.indexOf(`fields.${key}`)] ?? `fields.${key}`,
      newDocumentId,
    };
    const nextSubscriberOrder = (tagId: number) => {
      const order = (subscriberOrders.get(tagId) ?? 0) + 1;
      subscriberOrders.set(tagId, order);
      return order;
    };
    return { bulk, plan, nextSubscriberOrder, actor: job.created_by_label ?? 'import' };
  };

  type ApplyContext = Awaited<ReturnType<typeof applyContext>>;

  // The links of new subscribers (fresh) and those added to existing ones.
  const tagLinks = (plans: Array<Plan<LockedSubscriber>>, ids: Map<string, number>, ctx: ApplyContext) => ({
    fresh: plans.flatMap((p): TagLink[] =>
      p.kind === 'insert'
        ? p.after.tagIds.map((tagId, i) => ({
            subscriberId: ids.get(p.after.email)!,
            tagId,
            tagOrder: i + 1,
            subscriberOrder: ctx.nextSubscriberOrder(tagId),
          }))
        : []
    ),
    added: plans.flatMap((p): TagLink[] =>
      p.kind === 'update'
        ? p.addedTagIds.map((tagId, i) => ({
            subscriberId: p.before.id,
            tagId,
            tagOrder: p.before.lastTagOrder + i + 1,
            subscriberOrder: ctx.nextSubscriberOrder(tagId),
          }))
        : []
    ),
  });

  // Writes one batch: subscribers, tag links, events, timeline, report lines and progress, in one
  // transaction. Returns false when no batch is left to claim.
  const applyBatch = (id: string, ctx: ApplyContext): Promise<boolean> =>
    knex().transaction(async (trx: Knex.Transaction) => {
      // As in staging: a batch lost in a database crash is lost with its done mark and counts, so it is applied again.
      await trx.raw('SET LOCAL synchronous_commit = off');
      const batch: Batch | null = await staging().claim(trx, id);
      if (!batch) return false;
      const rows = await staging().rows(trx, id, batch);
      const locked = await ctx.bulk.lockByEmails(
        trx,
        rows.map((r) => r.email)
      );
      const existing = new Map(locked.map((e) => [e.email, e]));
      const erased: Set<string> = await audience()
        .service('gdpr')
        .erasedAmong(
          rows.filter((r) => !existing.has(r.email)).map((r) => r.email),
          trx
        );
      const plans = rows.map((r) => (erased.has(r.email) ? erasedRow(r) : planRow(r, existing.get(r.email) ?? null, ctx.plan)));
      const inserts = plans.flatMap((p) => (p.kind === 'insert' ? [p] : []));
      const updates = plans.flatMap((p) => (p.kind === 'update' ? [p] : []));
      const now = new Date();
      const ids = await ctx.bulk
        .insert(
          trx,
          inserts.map((p) => p.after),
          now
        )
        .catch((err) => {
          throw (err as { code?: string }).code === UNIQUE_VIOLATION ? new AddressTaken() : err;
        });
      await ctx.bulk.update(
        trx,
        updates.map((p) => p.after),
        now
      );
      const links = tagLinks(plans, ids, ctx);
      await ctx.bulk.link(trx, links.fresh, { fresh: true });
      await ctx.bulk.link(trx, links.added, { fresh: false });
      const written = [...inserts, ...updates];
      await strapi
        .plugin('platform')
        .service('events')
        .emitMany(
          written.flatMap((p) => p.events),
          { transaction: trx }
        );
      await audience()
        .service('activity')
        .record(
          written.flatMap((p) =>
            p.timeline.map((t) => ({ ...t, data: { ...t.data, importId: id }, subscriberDocumentId: p.after.documentId, actor: ctx.actor }))
          ),
          trx
        );
      const errorRows = await errors().add(
        trx,
        id,
        plans.flatMap((p) => (p.kind === 'error' ? p.problems : []))
      );
      await staging().finish(trx, id, batch);
      const counts = { applied: rows.length, inserted: inserts.length, updated: updates.length, errorRows };
      if (!(await jobs().recordApplied(trx, id, { ...counts, skipped: rows.length - inserts.length - updates.length - errorRows }))) {
        throw new Stopped();
      }
      return true;
    });

  const applyWithRetry = async (id: string, ctx: ApplyContext): Promise<boolean> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await applyBatch(id, ctx);
      } catch (err) {
        if (!(err instanceof AddressTaken) || attempt === APPLY_ATTEMPTS) throw err;
      }
    }
  };

  // Phase two: several loops claim batches until none is left (other workers may hold some).
  const apply = async (job: JobRow, signal?: AbortSignal) => {
    const ctx = await applyContext(job);
    const loop = async () => {
      while (!signal?.aborted && (await applyWithRetry(job.id, ctx)));
    };
    const results = await Promise.allSettled(Array.from({ length: APPLY_LOOPS }, loop));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
    if (signal?.aborted) throw new Interrupted();
  };

  const cleanUp = async (id: string) => {
    await staging().clear(id);
    await importFiles(knex()).remove(id);
  };

  return {
    register() {
      strapi
        .plugin('platform')
        .service('queues')
        .registerWorker(IMPORT_QUEUE, (job: Job<ImportJob>, _token?: string, signal?: AbortSignal) => this.process(job, signal), {
          concurrency: 1,
        });
    },

    // One queue job per import (and per stall): adding it again while Redis knows it does nothing.
    async enqueue(id: string, stalledSince?: Date) {
      const jobId = stalledSince ? `import-${id}-${stalledSince.getTime()}` : `import-${id}`;
      await strapi.plugin('platform').service('queues').queue(IMPORT_QUEUE).add('import', { importId: id }, { jobId });
    },

    // Postgres is the truth, the queue a hint: an unfinished import nobody has moved for a while
    // (its queue job lost, say) is queued again at boot. A duplicate is harmless: every batch is
    // compare-and-set or claimed with SKIP LOCKED.
    async resumeStalled() {
      for (const job of await jobs().stalled(STALLED_MS)) await this.enqueue(job.id, job.updatedAt);
    },

    // Runs an import from wherever its last committed batch left it. The signal stops it between
    // batches, with Interrupted.
    async run(id: string, signal?: AbortSignal) {
      try {
        if (await jobs().move(id, ['queued'], 'staging')) strapi.log.info(`[import ${id}] reading the file`);
        let job = await jobs().find(id);
        if (job?.state === 'staging') {
          await finishStaging(id, await stage(job, signal));
          job = await jobs().find(id);
        }
        if (job?.state === 'applying') {
          await apply(job, signal);
          if (await jobs().finishApplying(id)) strapi.log.info(`[import ${id}] done`);
        }
      } catch (err) {
        if (!(err instanceof Stopped)) throw err;
      }
      const job = await jobs().find(id);
      if (job && FINISHED_STATES.includes(job.state)) await cleanUp(id);
    },

    // The queue processor: retried with backoff like every job; the last failed attempt marks the
    // import failed with the reason, for the admin to see.
    async process(job: Job<ImportJob>, signal?: AbortSignal) {
      const id = job.data.importId;
      try {
        await this.run(id, signal);
      } catch (err) {
        if (err instanceof Interrupted || job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw err;
        await jobs().move(id, RUNNING_STATES, 'failed', { error: (err as Error).message });
        await cleanUp(id);
      }
    },
  };
};
