import type { Knex } from 'knex';
import type { SubscriberSnapshot } from '../domain/changes';
import type { Existing } from '../domain/import-plan';
import type schemaService from '../services/schema';

type Schema = ReturnType<typeof schemaService>;
type Subscribers = ReturnType<Schema['subscriberTable']>;
type TagLinks = ReturnType<Schema['tagLinks']>;

export type NewSubscriber = SubscriberSnapshot & Omit<Existing, 'id' | 'tagIds'>;
// lastTagOrder: where the subscriber's tag list ends, so new tags are appended after it.
export type LockedSubscriber = Existing & { lastTagOrder: number };
export type TagLink = { subscriberId: number; tagId: number; tagOrder: number; subscriberOrder: number };

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : (value ?? {}));

// Subscriber writes in bulk for the import: one statement per batch for each kind of write, the rows
// sent as one JSON document (one native JSON.stringify instead of an escaped array element per
// value), with table and column names read from Strapi's metadata (services/schema.ts).
export const subscriberBulk = (s: Subscribers, links: TagLinks) => {
  const editable = [s.firstName, s.lastName, s.status, s.timeZone, s.language].map(q);

  return {
    // The subscribers behind these addresses, locked until the batch commits, with their tags in order.
    // One index probe per address (LATERAL): with "= ANY(list)" the planner may scan the whole table.
    async lockByEmails(trx: Knex.Transaction, emails: string[]): Promise<LockedSubscriber[]> {
      const { rows } = await trx.raw(
        `SELECT found.* FROM unnest(?::text[]) AS wanted (email) CROSS JOIN LATERAL (
           SELECT id, ${q(s.documentId)} AS document_id, ${q(s.email)} AS email, ${q(s.firstName)} AS first_name,
                  ${q(s.lastName)} AS last_name, ${q(s.status)} AS status, ${q(s.timeZone)} AS time_zone,
                  ${q(s.language)} AS language, ${q(s.source)} AS source, ${q(s.fields)} AS fields
           FROM ${q(s.table)} WHERE ${q(s.email)} = wanted.email FOR UPDATE
         ) AS found`,
        [emails]
      );
      if (rows.length === 0) return [];
      const { rows: tagRows } = await trx.raw(
        `SELECT ${q(links.subscriberId)} AS subscriber_id, ${q(links.tagId)} AS tag_id, ${q(links.tagOrder)} AS tag_order
         FROM ${q(links.table)} WHERE ${q(links.subscriberId)} = ANY(?::int[]) ORDER BY ${q(links.tagOrder)}`,
        [rows.map((r: { id: number }) => r.id)]
      );
      const tagsOf = new Map<number, Array<{ tag_id: number; tag_order: number | null }>>();
      for (const t of tagRows) tagsOf.set(t.subscriber_id, [...(tagsOf.get(t.subscriber_id) ?? []), t]);
      return rows.map((r: Record<string, string | number | null>) => {
        const tags = tagsOf.get(r.id as number) ?? [];
        return {
          id: r.id as number,
          documentId: r.document_id as string,
          email: r.email as string,
          firstName: r.first_name as string | null,
          lastName: r.last_name as string | null,
          status: r.status as string,
          timeZone: r.time_zone as string | null,
          language: r.language as string | null,
          source: r.source,
          fields: json(r.fields),
          tagIds: tags.map((t) => t.tag_id),
          lastTagOrder: Math.max(0, ...tags.map((t) => t.tag_order ?? 0)),
        };
      });
    },

    // Inserts new subscribers as Strapi would (document id, timestamps, published now) and returns
    // their ids by address. A plain insert, cheaper than ON CONFLICT: an address someone else created
    // since lockByEmails fails the statement with a unique violation.
    async insert(trx: Knex.Transaction, subscribers: NewSubscriber[], now: Date): Promise<Map<string, number>> {
      if (subscribers.length === 0) return new Map();
      const columns = [s.documentId, s.email, s.firstName, s.lastName, s.status, s.timeZone, s.language, s.source, s.fields];
      const { rows } = await trx.raw(
        `INSERT INTO ${q(s.table)} (${columns.map(q).join(', ')}, ${q(s.createdAt)}, ${q(s.updatedAt)}, ${q(s.publishedAt)})
         SELECT u.*, ?::timestamp, ?::timestamp, ?::timestamp
         FROM json_to_recordset(?::json) AS u (document_id text, email text, first_name text, last_name text, status text,
           time_zone text, language text, source text, fields jsonb)
         RETURNING id, ${q(s.email)} AS email`,
        [
          now,
          now,
          now,
          JSON.stringify(
            subscribers.map((r) => ({
              document_id: r.documentId,
              email: r.email,
              first_name: r.firstName,
              last_name: r.lastName,
              status: r.status,
              time_zone: r.timeZone,
              language: r.language,
              source: String(r.source),
              fields: r.fields,
            }))
          ),
        ]
      );
      return new Map(rows.map((r: { id: number; email: string }) => [r.email, r.id]));
    },

    // Writes the new state of subscribers locked by lockByEmails.
    async update(trx: Knex.Transaction, subscribers: Existing[], now: Date): Promise<void> {
      if (subscribers.length === 0) return;
      await trx.raw(
        `UPDATE ${q(s.table)} AS t
         SET (${editable.join(', ')}, ${q(s.fields)}, ${q(s.updatedAt)}) = (u.first_name, u.last_name, u.status, u.time_zone, u.language, u.fields, ?::timestamp)
         FROM json_to_recordset(?::json)
           AS u (id int, first_name text, last_name text, status text, time_zone text, language text, fields jsonb)
         WHERE t.id = u.id`,
        [
          now,
          JSON.stringify(
            subscribers.map((r) => ({
              id: r.id,
              first_name: r.firstName,
              last_name: r.lastName,
              status: r.status,
              time_zone: r.timeZone,
              language: r.language,
              fields: r.fields,
            }))
          ),
        ]
      );
    },

    // New subscribers' links cannot exist yet: they skip the conflict check an existing subscriber's need.
    async link(trx: Knex.Transaction, tagLinks: TagLink[], { fresh }: { fresh: boolean }): Promise<void> {
      if (tagLinks.length === 0) return;
      await trx.raw(
        `INSERT INTO ${q(links.table)} (${[links.subscriberId, links.tagId, links.tagOrder, links.subscriberOrder].map(q).join(', ')})
         SELECT * FROM json_to_recordset(?::json) AS l (subscriber_id int, tag_id int, tag_order float8, subscriber_order float8)
         ${fresh ? '' : 'ON CONFLICT DO NOTHING'}`,
        [
          JSON.stringify(
            tagLinks.map((l) => ({
              subscriber_id: l.subscriberId,
              tag_id: l.tagId,
              tag_order: l.tagOrder,
              subscriber_order: l.subscriberOrder,
            }))
          ),
        ]
      );
    },

    // Where each tag's subscriber list ends, so imported subscribers are appended after it.
    async lastSubscriberOrders(knex: Knex, tagIds: number[]): Promise<Map<number, number>> {
      const { rows } = await knex.raw(
        `SELECT ${q(links.tagId)} AS tag_id, max(${q(links.subscriberOrder)}) AS last FROM ${q(links.table)}
         WHERE ${q(links.tagId)} = ANY(?::int[]) GROUP BY 1`,
        [tagIds]
      );
      return new Map(rows.map((r: { tag_id: number; last: number | null }) => [r.tag_id, r.last ?? 0]));
    },
  };
};
