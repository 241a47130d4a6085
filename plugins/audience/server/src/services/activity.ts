import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

export type ActivityEntry = { subscriberDocumentId: string; type: string; data?: Record<string, unknown>; actor?: string | null };

// The per-subscriber timeline: other plugins add sends, opens, clicks and bookings here.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  // One statement whatever the number of entries (imports write tens of thousands per batch), sent
  // as one JSON document: far cheaper to build than an escaped array element per value. With
  // existingOnly, entries of subscribers who no longer exist (erased meanwhile) are dropped.
  const insert = async (entries: ActivityEntry[], db: Knex | Knex.Transaction, existingOnly: boolean) => {
    if (entries.length === 0) return;
    const s = existingOnly ? strapi.plugin('audience').service('schema').subscriberTable() : null;
    const existing = s ? `WHERE EXISTS (SELECT 1 FROM ?? s WHERE s.?? = r.subscriber_document_id)` : '';
    await db.raw(
      `INSERT INTO herald_subscriber_activity (subscriber_document_id, type, data, actor)
       SELECT * FROM json_to_recordset(?::json) AS r (subscriber_document_id text, type text, data jsonb, actor text) ${existing}`,
      [
        JSON.stringify(
          entries.map((e) => ({ subscriber_document_id: e.subscriberDocumentId, type: e.type, data: e.data ?? {}, actor: e.actor ?? null }))
        ),
        ...(s ? [s.table, s.documentId] : []),
      ]
    );
  };

  return {
    record: (entries: ActivityEntry[], transaction?: Knex.Transaction) => insert(entries, transaction ?? strapi.db.connection, false),

    // The entries one event causes (from another plugin's subscriber), written once however often
    // the event is delivered, and only for subscribers who still exist when it arrives.
    async recordOnce(eventId: string, entries: ActivityEntry[]) {
      await strapi.db.connection.transaction(async (trx) => {
        const fresh = await trx('herald_activity_applied')
          .insert({ event_id: eventId })
          .onConflict('event_id')
          .ignore()
          .returning('event_id');
        if (fresh.length > 0) await insert(entries, trx, true);
      });
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
  };
};
