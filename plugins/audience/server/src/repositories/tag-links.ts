import type { Knex } from 'knex';
import type schemaService from '../services/schema';

type TagLinkTable = ReturnType<ReturnType<typeof schemaService>['tagLinks']>;
export type LinkPair = { subscriberId: number; tagId: number };

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

// Subscriber-tag links written in bulk, one statement per batch, returning only what changed so
// callers report (events, timeline) exactly the links they added or removed.
export const tagLinks = (links: TagLinkTable) => {
  const [sub, tag, tagOrder, subOrder] = [links.subscriberId, links.tagId, links.tagOrder, links.subscriberOrder].map(q);
  const table = q(links.table);
  const pairs = (rows: Array<{ subscriber_id: number; tag_id: number }>): LinkPair[] =>
    rows.map((r) => ({ subscriberId: r.subscriber_id, tagId: r.tag_id }));

  return {
    // Links every subscriber to every tag it lacks, appended at the end of the subscriber's tag list and
    // of the tag's subscriber list (as Strapi orders relations). The unique (subscriber, tag) index makes
    // a concurrent duplicate a no-op.
    async add(trx: Knex.Transaction, subscriberIds: number[], tagIds: number[]): Promise<LinkPair[]> {
      if (subscriberIds.length === 0 || tagIds.length === 0) return [];
      const { rows } = await trx.raw(
        `WITH missing AS (
           SELECT s.id AS subscriber_id, t.id AS tag_id FROM unnest(?::int[]) AS s (id) CROSS JOIN unnest(?::int[]) AS t (id)
           WHERE NOT EXISTS (SELECT 1 FROM ${table} l WHERE l.${sub} = s.id AND l.${tag} = t.id)
         ), subscriber_ends AS (
           SELECT m.subscriber_id, coalesce(max(l.${tagOrder}), 0) AS last
           FROM (SELECT DISTINCT subscriber_id FROM missing) m LEFT JOIN ${table} l ON l.${sub} = m.subscriber_id GROUP BY 1
         ), tag_ends AS (
           SELECT t.id AS tag_id, coalesce((SELECT max(l.${subOrder}) FROM ${table} l WHERE l.${tag} = t.id), 0) AS last
           FROM unnest(?::int[]) AS t (id)
         )
         INSERT INTO ${table} (${sub}, ${tag}, ${tagOrder}, ${subOrder})
         SELECT m.subscriber_id, m.tag_id,
                se.last + row_number() OVER (PARTITION BY m.subscriber_id ORDER BY m.tag_id),
                te.last + row_number() OVER (PARTITION BY m.tag_id ORDER BY m.subscriber_id)
         FROM missing m JOIN subscriber_ends se USING (subscriber_id) JOIN tag_ends te USING (tag_id)
         ON CONFLICT DO NOTHING
         RETURNING ${sub} AS subscriber_id, ${tag} AS tag_id`,
        [subscriberIds, tagIds, tagIds]
      );
      return pairs(rows);
    },

    async remove(trx: Knex.Transaction, subscriberIds: number[], tagIds: number[]): Promise<LinkPair[]> {
      if (subscriberIds.length === 0 || tagIds.length === 0) return [];
      const { rows } = await trx.raw(
        `DELETE FROM ${table} WHERE ${sub} = ANY(?::int[]) AND ${tag} = ANY(?::int[]) RETURNING ${sub} AS subscriber_id, ${tag} AS tag_id`,
        [subscriberIds, tagIds]
      );
      return pairs(rows);
    },
  };
};
