import type { Knex } from 'knex';
import type { TaggingTarget } from '../domain/tagging-request';

const JOBS = 'herald_tagging_jobs';
// Strapi's pg connection hands jsonb back as text.
const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

export type TaggingJobRow = {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  action: 'add' | 'remove';
  tag_ids: number[];
  target: TaggingTarget;
  total: number;
  processed: number;
  changed: number;
  after_id: number;
  actor: string | null;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
};

// Background bulk tagging jobs: the request, and progress committed with each batch.
export const taggingJobs = (knex: Knex) => ({
  async create(job: Pick<TaggingJobRow, 'action' | 'tag_ids' | 'target' | 'total' | 'actor'>): Promise<string> {
    const [row] = await knex(JOBS)
      .insert({ ...job, target: JSON.stringify(job.target) })
      .returning('id');
    return String(row.id);
  },

  async find(id: string): Promise<TaggingJobRow | undefined> {
    const row = await knex(JOBS).where({ id }).first();
    return row && { ...row, target: json(row.target) };
  },

  // Claims a queued job, or resumes one whose worker died (the queue retried it).
  start: async (id: string): Promise<boolean> =>
    (await knex(JOBS).where({ id }).whereIn('state', ['queued', 'running']).update({ state: 'running', updated_at: knex.fn.now() })) > 0,

  // Inside the batch's transaction, so progress and writes commit together.
  progress: (trx: Knex.Transaction, id: string, batch: { lastId: number; processed: number; changed: number }) =>
    trx(JOBS)
      .where({ id })
      .update({
        after_id: batch.lastId,
        processed: trx.raw('processed + ?', [batch.processed]),
        changed: trx.raw('changed + ?', [batch.changed]),
        updated_at: trx.fn.now(),
      }),

  finish: (id: string, state: 'done' | 'failed', error: string | null = null) =>
    knex(JOBS)
      .where({ id })
      .whereIn('state', ['queued', 'running'])
      .update({ state, error, finished_at: knex.fn.now(), updated_at: knex.fn.now() }),
});
