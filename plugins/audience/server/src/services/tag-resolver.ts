import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { TAG } from '../domain/uids';

type Tag = { id: number; documentId: string; name: string };

// Serialises tag creation between concurrent imports, so a name is created once.
const LOCK = 'herald:audience:tag-create';

// Tags named in imports: by documentId, else by name ignoring case; a name that does not exist yet
// becomes a new tag, created through the Document Service like any other.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async resolve(references: string[]): Promise<Map<string, number>> {
    const resolved = new Map<string, number>();
    if (references.length === 0) return resolved;
    return strapi.db.transaction(async ({ trx }) => {
      await (trx as Knex.Transaction).raw('SELECT pg_advisory_xact_lock(hashtext(?))', [LOCK]);
      const tags = (await strapi.db.query(TAG as never).findMany({ select: ['id', 'documentId', 'name'] } as never)) as unknown as Tag[];
      const byDocumentId = new Map(tags.map((t) => [t.documentId, t.id]));
      const byName = new Map(tags.map((t) => [t.name.toLowerCase(), t.id]));
      for (const reference of new Set(references)) {
        let id = byDocumentId.get(reference) ?? byName.get(reference.toLowerCase());
        if (id === undefined) {
          const created = (await strapi.documents(TAG as never).create({ data: { name: reference } } as never)) as unknown as Tag;
          id = created.id;
          byName.set(reference.toLowerCase(), id);
        }
        resolved.set(reference, id);
      }
      return resolved;
    });
  },
});
