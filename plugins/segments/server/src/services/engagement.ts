import type { Core } from '@strapi/strapi';
import type { HeraldEvent } from '../../../../../types/shared/events';
import { ENGAGEMENT_TABLE } from './engine';

type Kind = 'received' | 'opened' | 'clicked';
type Increment = { subscriberId: number; campaignId: string; kind: Kind; day: string; count: number };

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
      const s = strapi.plugin('audience').service('schema').subscriberTable();
      // One array parameter rather than an IN list of up to 1,000 bound values.
      const ids: Array<{ id: number }> = await trx(s.table).whereRaw('?? = ANY(?::text[])', [s.documentId, documentIds]).select('id');
      await this.increment(
        ids.map((r) => ({ subscriberId: r.id, campaignId: payload.campaignId, kind, day, count: 1 })),
        trx
      );
    });
  },

  // Adds counts in one statement; rows for the same key are summed first.
  async increment(rows: Increment[], trx = strapi.db.connection) {
    const merged = new Map<string, Increment>();
    for (const row of rows) {
      const key = `${row.subscriberId}|${row.kind}|${row.campaignId}|${row.day}`;
      const seen = merged.get(key);
      if (seen) seen.count += row.count;
      else merged.set(key, { ...row });
    }
    if (merged.size === 0) return;
    await trx(ENGAGEMENT_TABLE)
      .insert(
        [...merged.values()].map((r) => ({
          subscriber_id: r.subscriberId,
          campaign_id: r.campaignId,
          kind: r.kind,
          day: r.day,
          count: r.count,
        }))
      )
      .onConflict(['subscriber_id', 'kind', 'campaign_id', 'day'])
      .merge({ count: trx.raw(`${ENGAGEMENT_TABLE}.count + excluded.count`) });
  },
});
