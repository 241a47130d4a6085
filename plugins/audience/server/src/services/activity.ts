import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { intArray, textArray } from '../../../../../types/shared/pg-array';

export type ActivityEntry = { subscriberDocumentId: string; type: string; data?: Record<string, unknown>; actor?: string | null };

// The per-subscriber timeline: other plugins add sends, opens, clicks and bookings here.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  // One statement whatever the number of entries (imports write tens of thousands per batch, a
  // campaign batch a thousand). Entries mostly share their type, data and actor, so each distinct
  // kind travels once, as JSON, and the subscribers as an array of ids with the number of their
  // kind: json_to_recordset over a row per entry spent most of the statement decoding the same
  // data again (13 ms a thousand, against 4 for the arrays). Rows go in in the order given. With
  // existingOnly, entries of subscribers who no longer exist (erased meanwhile) are dropped.
  const insert = async (entries: ActivityEntry[], db: Knex | Knex.Transaction, existingOnly: boolean) => {
    if (entries.length === 0) return;
    const kinds = new Map<string, number>();
    const kindOf: number[] = [];
    for (const e of entries) {
      const kind = JSON.stringify([e.type, e.actor ?? null, e.data ?? {}]);
      let n = kinds.get(kind);
      if (n === undefined) kinds.set(kind, (n = kinds.size + 1));
      kindOf.push(n);
    }
    const s = existingOnly ? strapi.plugin('audience').service('schema').subscriberTable() : null;
    const existing = s ? `WHERE EXISTS (SELECT 1 FROM ?? s WHERE s.?? = r.subscriber_document_id)` : '';
    await db.raw(
      `INSERT INTO herald_subscriber_activity (subscriber_document_id, type, data, actor)
       SELECT r.subscriber_document_id, k.kind->>0, (k.kind->2)::jsonb, k.kind->>1
       FROM unnest(?::text[], ?::int[]) WITH ORDINALITY AS r(subscriber_document_id, n, ord)
       JOIN json_array_elements(?::json) WITH ORDINALITY AS k(kind, n) ON k.n = r.n ${existing}
       ORDER BY r.ord`,
      [
        textArray(entries.map((e) => e.subscriberDocumentId)),
        intArray(kindOf),
        `[${[...kinds.keys()].join(',')}]`,
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
