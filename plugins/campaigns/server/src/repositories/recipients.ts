import type { Knex } from 'knex';
import { intArray } from '../../../../../types/shared/pg-array';

export interface SubscriberColumns {
  table: string;
  documentId: string;
  email: string;
  firstName: string;
  lastName: string;
  status: string;
  timeZone: string;
  language: string;
  fields: string;
  createdAt: string;
}

export interface TagColumns {
  links: { table: string; subscriberId: string; tagId: string };
  table: string;
  name: string;
}

export interface Recipient {
  id: number;
  documentId: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  status: string;
  timeZone: string | null;
  language: string | null;
  createdAt: string; // ISO 8601 in UTC, as Date#toISOString writes it
  fields: Record<string, unknown>;
  tags: string[];
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

// Subscribers of a claimed batch, read fresh at send time (status, names, fields, tag names), in
// one query. The sign-up time comes as the text Liquid sees: parsing a Date for each recipient only
// to print it again was a tenth of the row's cost. Tag names are gathered for the whole batch in
// one grouped join (a subquery per subscriber took twice as long). Table and column names come
// from the audience plugin's schema service.
export const recipientsRepository = (knex: Knex, s: SubscriberColumns, t: TagColumns) => ({
  async load(ids: number[]): Promise<Map<number, Recipient>> {
    if (ids.length === 0) return new Map();
    const batch = intArray(ids);
    const { rows } = await knex.raw(
      `SELECT s.id, s.${q(s.documentId)} AS document_id, s.${q(s.email)} AS email, s.${q(s.firstName)} AS first_name,
              s.${q(s.lastName)} AS last_name, s.${q(s.status)} AS status, s.${q(s.timeZone)} AS time_zone,
              s.${q(s.language)} AS language,
              to_char(coalesce(s.${q(s.createdAt)}, 'epoch') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, s.${q(s.fields)} AS fields,
              coalesce(t.tags, '{}') AS tags
       FROM ${q(s.table)} s
       LEFT JOIN (SELECT tl.${q(t.links.subscriberId)} AS id, array_agg(tg.${q(t.name)} ORDER BY tg.${q(t.name)}) AS tags
                  FROM ${q(t.links.table)} tl JOIN ${q(t.table)} tg ON tg.id = tl.${q(t.links.tagId)}
                  WHERE tl.${q(t.links.subscriberId)} = ANY(?::int[]) GROUP BY 1) t ON t.id = s.id
       WHERE s.id = ANY(?::int[])`,
      [batch, batch]
    );
    return new Map(
      rows.map((r: Record<string, unknown>) => [
        Number(r.id),
        {
          id: Number(r.id),
          documentId: String(r.document_id),
          email: String(r.email),
          firstName: (r.first_name as string | null) ?? null,
          lastName: (r.last_name as string | null) ?? null,
          status: String(r.status),
          timeZone: (r.time_zone as string | null) ?? null,
          language: (r.language as string | null) ?? null,
          createdAt: String(r.created_at),
          fields: (typeof r.fields === 'string' ? JSON.parse(r.fields) : r.fields) ?? {},
          tags: r.tags as string[],
        },
      ])
    );
  },

  // Active subscriber ids after `afterId`, in id order (keyset pages); with tags, only those carrying one.
  async activeIds(afterId: number, limit: number, tagIds?: number[]): Promise<number[]> {
    const query = knex(s.table).where(s.status, 'active').where('id', '>', afterId).orderBy('id').limit(limit).select('id');
    if (tagIds) {
      query.whereExists(
        knex(t.links.table)
          .whereRaw(`${q(t.links.table)}.${q(t.links.subscriberId)} = ${q(s.table)}.id`)
          .whereIn(t.links.tagId, tagIds)
      );
    }
    return (await query).map((r: { id: number }) => Number(r.id));
  },

  async tagIdsOf(tagDocumentIds: string[]): Promise<number[]> {
    if (tagDocumentIds.length === 0) return [];
    return (await knex(t.table).whereIn('document_id', tagDocumentIds).select('id')).map((r: { id: number }) => Number(r.id));
  },
});

export type RecipientsRepository = ReturnType<typeof recipientsRepository>;
