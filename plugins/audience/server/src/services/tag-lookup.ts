import type { Core } from '@strapi/strapi';
import { TAG } from '../domain/uids';

type Tag = { id: number; documentId: string; name: string };

// Existing tags named by documentId or by name (ignoring case), for requests that must not create
// tags (exports, bulk tagging). Returns the tags found and the references that matched none.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(references: string[]): Promise<{ tags: Tag[]; unknown: string[] }> {
    const wanted = [...new Set(references)];
    const found = (await strapi.db.query(TAG as never).findMany({
      select: ['id', 'documentId', 'name'],
      where: { $or: [{ documentId: { $in: wanted } }, ...wanted.map((name) => ({ name: { $eqi: name } }))] },
    } as never)) as unknown as Tag[];
    const match = (r: string) => found.find((t) => t.documentId === r) ?? found.find((t) => t.name.toLowerCase() === r.toLowerCase());
    const tags = new Map<number, Tag>();
    const unknown: string[] = [];
    for (const reference of wanted) {
      const tag = match(reference);
      if (tag) tags.set(tag.id, tag);
      else unknown.push(reference);
    }
    return { tags: [...tags.values()], unknown };
  },

  tableName: (): string => (strapi.db.metadata.get(TAG) as unknown as { tableName: string }).tableName,
});
