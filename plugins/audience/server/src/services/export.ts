import { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { stringify } from 'csv-stringify/sync';
import subscriberSchema from '../content-types/subscriber/schema.json';
import { parseExportQuery, type ExportSelection } from '../domain/export-query';
import { exportHeader, exportRow, type ExportedSubscriber } from '../domain/export-row';
import type { FieldDefinition } from '../domain/field-values';
import { Refusal } from '../domain/refusal';
import { subscriberExport, type ResolvedFilter } from '../repositories/subscriber-export';

const PAGE = 2000;
const STATUSES = subscriberSchema.attributes.status.enum;

// CSV exports of subscribers, streamed page by page (keyset, or the segment engine's cursor), so
// memory stays flat whatever the list's size.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const audience = () => strapi.plugin('audience');
  const repository = () => {
    const schema = audience().service('schema');
    return subscriberExport(strapi.db.connection, {
      subscribers: schema.subscriberTable(),
      links: schema.tagLinks(),
      tags: audience().service('tag-lookup').tableName(),
    });
  };

  // Checks what the stream will need before the response starts, while a 400 can still be sent.
  const prepare = async (selection: ExportSelection): Promise<{ segment: string } | { filter: ResolvedFilter }> => {
    if ('segment' in selection) {
      try {
        await strapi.plugin('segments').service('engine').compile(selection.segment);
      } catch (err) {
        throw new Refusal('invalid', `segment: ${(err as Error).message}`);
      }
      return selection;
    }
    const { tag, ...rest } = selection.filter;
    if (tag === undefined) return { filter: rest };
    const { tags } = await audience().service('tag-lookup').find([tag]);
    if (tags.length === 0) throw new Refusal('invalid', `tag: no tag with the name or documentId ${JSON.stringify(tag)}`);
    return { filter: { ...rest, tagId: tags[0].id } };
  };

  return {
    async subscribersCsv(query: Record<string, unknown>): Promise<{ fileName: string; body: Readable }> {
      const parsed = parseExportQuery(query, STATUSES);
      if (!parsed.ok) throw new Refusal('invalid', parsed.message);
      const selection = await prepare(parsed.selection);
      const definitions: FieldDefinition[] = await audience().service('fields').definitions();
      const rows = repository();

      async function* pages(): AsyncGenerator<ExportedSubscriber[]> {
        if ('segment' in selection) {
          for await (const ids of strapi.plugin('segments').service('engine').stream(selection.segment, { batchSize: PAGE })) {
            yield await rows.byIds(ids as number[]);
          }
          return;
        }
        for (let afterId = 0; ;) {
          const page = await rows.page(selection.filter, afterId, PAGE);
          if (page.length === 0) return;
          yield page;
          afterId = page[page.length - 1].id;
        }
      }
      async function* csv() {
        yield stringify([exportHeader(definitions)]);
        for await (const page of pages()) yield stringify(page.map((s) => exportRow(s, definitions)));
      }
      return { fileName: `subscribers-${new Date().toISOString().slice(0, 10)}.csv`, body: Readable.from(csv()) };
    },
  };
};
