import type { Knex } from 'knex';
import type { ExportFilter } from '../domain/export-query';
import type { ExportedSubscriber } from '../domain/export-row';
import type schemaService from '../services/schema';

type Schema = ReturnType<typeof schemaService>;
export type ExportTables = { subscribers: ReturnType<Schema['subscriberTable']>; links: ReturnType<Schema['tagLinks']>; tags: string };
// The filter with the tag already resolved to its id.
export type ResolvedFilter = Omit<ExportFilter, 'tag'> & { tagId?: number };

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
// Strapi's pg connection hands jsonb back as text.
const withFields = (rows: Array<ExportedSubscriber & { id: number }>) =>
  rows.map((r) => ({ ...r, fields: typeof r.fields === 'string' ? JSON.parse(r.fields) : r.fields }));
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// Pages of subscribers for the CSV export, in id order (keyset: constant cost per page at any depth),
// each with its tag names in the subscriber's own tag order.
export const subscriberExport = (knex: Knex, { subscribers: s, links, tags }: ExportTables) => {
  const select = `SELECT x.id, x.${q(s.email)} AS email, x.${q(s.firstName)} AS "firstName", x.${q(s.lastName)} AS "lastName",
      x.${q(s.status)} AS status, x.${q(s.source)} AS source, x.${q(s.timeZone)} AS "timeZone", x.${q(s.language)} AS language,
      x.${q(s.createdAt)} AS "createdAt", x.${q(s.updatedAt)} AS "updatedAt", coalesce(x.${q(s.fields)}, '{}'::jsonb) AS fields,
      coalesce((SELECT array_agg(t.name ORDER BY l.${q(links.tagOrder)}, t.id) FROM ${q(links.table)} l
                JOIN ${q(tags)} t ON t.id = l.${q(links.tagId)} WHERE l.${q(links.subscriberId)} = x.id), '{}') AS tags
    FROM ${q(s.table)} x`;

  return {
    async page(filter: ResolvedFilter, afterId: number, limit: number): Promise<Array<ExportedSubscriber & { id: number }>> {
      const where = ['x.id > ?'];
      const bindings: unknown[] = [afterId];
      if (filter.tagId !== undefined) {
        where.push(`EXISTS (SELECT 1 FROM ${q(links.table)} f WHERE f.${q(links.subscriberId)} = x.id AND f.${q(links.tagId)} = ?)`);
        bindings.push(filter.tagId);
      }
      if (filter.statuses) {
        where.push(`x.${q(s.status)} = ANY(?::text[])`);
        bindings.push(filter.statuses);
      }
      if (filter.createdAfter) {
        where.push(`x.${q(s.createdAt)} >= ?`);
        bindings.push(filter.createdAfter);
      }
      if (filter.createdBefore) {
        where.push(`x.${q(s.createdAt)} < ?`);
        bindings.push(filter.createdBefore);
      }
      if (filter.search) {
        where.push(`x.${q(s.email)} LIKE ?`);
        bindings.push(likePattern(filter.search));
      }
      const { rows } = await knex.raw(`${select} WHERE ${where.join(' AND ')} ORDER BY x.id LIMIT ?`, [...bindings, limit] as never);
      return withFields(rows);
    },

    async byIds(ids: number[]): Promise<ExportedSubscriber[]> {
      const { rows } = await knex.raw(`${select} WHERE x.id = ANY(?::int[]) ORDER BY x.id`, [ids]);
      return withFields(rows);
    },
  };
};
