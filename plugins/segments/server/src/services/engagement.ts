import type { Core } from '@strapi/strapi';
import type { HeraldEvent } from '../../../../../types/shared/events';
import { textArray } from '../../../../../types/shared/pg-array';
import { ENGAGEMENT_TABLE } from './engine';

type Kind = 'received' | 'opened' | 'clicked';

const KIND_OF_EVENT: Record<string, Kind> = { 'email.sent': 'received', 'email.opened': 'opened', 'email.clicked': 'clicked' };

// Keeps herald_engagement_daily up to date from tracking events. Events arrive at least once, so
// each event's increments are applied together with a row in herald_engagement_applied: a
// redelivered event finds its row and changes nothing.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async apply(event: HeraldEvent) {
    const kind = KIND_OF_EVENT[event.type];
    if (!kind) return;
    const payload = event.payload as { campaignId: string; subscriberIds?: string[]; subscriberId?: string; at?: string };
    const documentIds = payload.subscriberIds ?? (payload.subscriberId ? [payload.subscriberId] : []);
    const day = (payload.at ?? event.createdAt).slice(0, 10);
    await strapi.db.connection.transaction(async (trx) => {
      const fresh = await trx('herald_engagement_applied')
        .insert({ event_id: event.id })
        .onConflict('event_id')
        .ignore()
        .returning('event_id');
      if (fresh.length === 0 || documentIds.length === 0) return;
      // One statement: document ids become subscriber ids and counts (an id listed twice counts
      // twice) inside PostgreSQL, without a round trip or a bound value per row.
      const s = strapi.plugin('audience').service('schema').subscriberTable();
      await trx.raw(
        `INSERT INTO ${ENGAGEMENT_TABLE} (subscriber_id, campaign_id, kind, day, count)
         SELECT s.id, ?, ?, ?::date, count(*) FROM ?? s JOIN unnest(?::text[]) AS d(document_id) ON s.?? = d.document_id
         GROUP BY s.id
         ON CONFLICT (subscriber_id, kind, campaign_id, day) DO UPDATE SET count = ${ENGAGEMENT_TABLE}.count + excluded.count`,
        [payload.campaignId, kind, day, s.table, textArray(documentIds), s.documentId]
      );
    });
  },
});
