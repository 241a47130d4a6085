import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

export type ActivityEntry = { subscriberDocumentId: string; type: string; data?: Record<string, unknown>; actor?: string | null };

// The per-subscriber timeline: other plugins add sends, opens, clicks and bookings here.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  // One statement whatever the number of entries (imports write tens of thousands per batch), sent
  // as one JSON document: far cheaper to build than an escaped array element per value.
  async record(entries: ActivityEntry[], transaction?: Knex.Transaction) {
    if (entries.length === 0) return;
    const db = transaction ?? strapi.db.connection;
    await db.raw(
      `INSERT INTO herald_subscriber_activity (subscriber_document_id, type, data, actor)
       SELECT * FROM json_to_recordset(?::json) AS r (subscriber_document_id text, type text, data jsonb, actor text)`,
      [
        JSON.stringify(
          entries.map((e) => ({ subscriber_document_id: e.subscriberDocumentId, type: e.type, data: e.data ?? {}, actor: e.actor ?? null }))
        ),
      ]
    );
  },

  async timeline(subscriberDocumentId: string, { page, pageSize }: { page: number; pageSize: number }) {
    const base = strapi.db.connection('herald_subscriber_activity').where({ subscriber_document_id: subscriberDocumentId });
    const { results, pagination } = await strapi
      .plugin('platform')
      .service('lists')
      .newestFirst(base, { page, pageSize }, ['id', 'type', 'data', 'actor', 'created_at']);
    return {
      results: results.map((r: { data: unknown }) => ({ ...r, data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data })),
      pagination,
    };
  },
});
