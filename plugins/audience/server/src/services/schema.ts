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
        `CREATE INDEX IF NOT EXISTS herald_subscribers_email_prefix_idx ON ${q(s.table)} (${q(s.email)} text_pattern_ops)`,
        `CREATE INDEX IF NOT EXISTS herald_subscriber_tags_tag_idx ON ${q(links.table)} (${q(links.tagId)}, ${q(links.subscriberId)})`,
      ];
      for (const sql of statements) await strapi.db.connection.raw(sql);
    },
  };
};
