import type { Core } from '@strapi/strapi';
import { SUBSCRIBER } from '../domain/uids';

type JoinTable = {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName: string;
  inverseOrderColumnName: string;
};
type Meta = { tableName: string; attributes: Record<string, { columnName?: string; joinTable?: JoinTable }> };

// Where subscribers live in SQL, read from Strapi's own metadata so it never drifts from the schema.
// The segments plugin compiles its queries against this; nothing else should need table names.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const meta = () => strapi.db.metadata.get(SUBSCRIBER) as unknown as Meta;
  const column = (attribute: string) => meta().attributes[attribute]?.columnName ?? attribute;

  return {
    subscriberTable: () => ({
      table: meta().tableName,
      id: 'id',
      documentId: column('documentId'),
      email: column('email'),
      firstName: column('firstName'),
      lastName: column('lastName'),
      status: column('status'),
      timeZone: column('timeZone'),
      language: column('language'),
      source: column('source'),
      fields: column('fields'),
      createdAt: column('createdAt'),
      updatedAt: column('updatedAt'),
      publishedAt: column('publishedAt'),
    }),

    // tagOrder: a tag's position in its subscriber's list; subscriberOrder: the subscriber's in the tag's.
    tagLinks() {
      const join = meta().attributes.tags.joinTable as JoinTable;
      return {
        table: join.name,
        subscriberId: join.joinColumn.name,
        tagId: join.inverseJoinColumn.name,
        tagOrder: join.orderColumnName,
        subscriberOrder: join.inverseOrderColumnName,
      };
    },

    // Indexes a million-row list needs, created after Strapi's schema sync (Strapi creates the tables,
    // so a migration, which runs before the sync, cannot). Idempotent; run at every boot.
    async ensureIndexes() {
      const s = this.subscriberTable();
      const links = this.tagLinks();
      const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
      const statements = [
        `CREATE UNIQUE INDEX IF NOT EXISTS herald_subscribers_email_uq ON ${q(s.table)} (${q(s.email)})`,
        `CREATE INDEX IF NOT EXISTS herald_subscribers_status_id_idx ON ${q(s.table)} (${q(s.status)}, id)`,
        `CREATE INDEX IF NOT EXISTS herald_subscribers_created_idx ON ${q(s.table)} (${q(s.createdAt)})`,
        // The list's search box (domain/subscriber-search.ts). Addresses are stored lower-case and read
        // with LIKE 'prefix%', which the unique index cannot serve unless the collation is C.
        `CREATE INDEX IF NOT EXISTS herald_subscribers_email_prefix_idx ON ${q(s.table)} (${q(s.email)} text_pattern_ops)`,
        // Strapi's $startsWithi is LOWER(CAST(col AS VARCHAR)) LIKE: these expressions match it.
        `CREATE INDEX IF NOT EXISTS herald_subscribers_first_name_prefix_idx ON ${q(s.table)} (lower(${q(s.firstName)}::varchar) varchar_pattern_ops)`,
        `CREATE INDEX IF NOT EXISTS herald_subscribers_last_name_prefix_idx ON ${q(s.table)} (lower(${q(s.lastName)}::varchar) varchar_pattern_ops)`,
        `CREATE INDEX IF NOT EXISTS herald_subscriber_tags_tag_idx ON ${q(links.table)} (${q(links.tagId)}, ${q(links.subscriberId)})`,
      ];
      const existing = new Set(
        (await strapi.db.connection.raw('SELECT indexname FROM pg_indexes WHERE tablename IN (?, ?)', [s.table, links.table])).rows.map(
          (r: { indexname: string }) => r.indexname
        )
      );
      for (const sql of statements) await strapi.db.connection.raw(sql);
      // The planner knows nothing of a new expression index's values until the table is analysed
      // (autovacuum waits for 10% of it to change), and meanwhile picks scans that read every row.
      if (statements.some((sql) => !existing.has(/EXISTS (\w+)/.exec(sql)![1]))) await strapi.db.connection.raw(`ANALYZE ${q(s.table)}`);
    },
  };
};
