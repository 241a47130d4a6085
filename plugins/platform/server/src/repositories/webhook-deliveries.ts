import type { Knex } from 'knex';
import { paginateNewestFirst } from './paginate';

export type DeliveryRow = {
  id: string;
  subscription_document_id: string;
  event_id: string;
  event_type: string;
  url: string;
  status: 'pending' | 'delivered' | 'failed' | 'cancelled';
  attempts: number;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date;
  updated_at: Date;
  delivered_at: Date | null;
};

export type AttemptRecord = {
  attempt: number;
  statusCode: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  error: string | null;
};

// SQL for herald_webhook_deliveries and herald_webhook_attempts.
export const webhookDeliveries = (knex: Knex) => ({
  // One row per (subscription, event): a redelivered event creates nothing new.
  async createMany(rows: Array<Pick<DeliveryRow, 'subscription_document_id' | 'event_id' | 'event_type' | 'url'>>): Promise<string[]> {
    if (rows.length === 0) return [];
    const inserted: Array<{ id: string }> = await knex('herald_webhook_deliveries')
      .insert(rows)
      .onConflict(['subscription_document_id', 'event_id'])
      .ignore()
      .returning('id');
    return inserted.map((r) => String(r.id));
  },

  find: (id: string): Promise<DeliveryRow | undefined> => knex('herald_webhook_deliveries').where({ id }).first(),

  async recordAttempt(id: string, attempt: AttemptRecord, outcome: 'delivered' | 'pending' | 'failed') {
    await knex.transaction(async (trx) => {
      await trx('herald_webhook_attempts').insert({
        delivery_id: id,
        attempt: attempt.attempt,
        status_code: attempt.statusCode,
        duration_ms: attempt.durationMs,
        response_excerpt: attempt.responseExcerpt,
        error: attempt.error,
      });
      await trx('herald_webhook_deliveries')
        .where({ id })
        .update({
          status: outcome,
          attempts: attempt.attempt,
          last_status_code: attempt.statusCode,
          last_error: attempt.error,
          updated_at: trx.fn.now(),
          delivered_at: outcome === 'delivered' ? trx.fn.now() : null,
        });
    });
  },

  setStatus: (id: string, status: DeliveryRow['status']) =>
    knex('herald_webhook_deliveries').where({ id }).update({ status, updated_at: knex.fn.now() }),

  async list({ page, pageSize, status }: { page: number; pageSize: number; status?: string }) {
    const base = knex('herald_webhook_deliveries').modify((q) => {
      if (status) q.where({ status });
    });
    return paginateNewestFirst<DeliveryRow>(base, { page, pageSize });
  },

  attempts: (id: string) => knex('herald_webhook_attempts').where({ delivery_id: id }).orderBy('id', 'asc'),
});
