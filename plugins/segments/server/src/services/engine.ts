import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { containsQuery, countQuery, idsQuery, pageQuery } from '../domain/compile';
import { validateRules, type SegmentRules } from '../domain/rules';
import type { SegmentSource } from '../domain/source';

export const SEGMENT = 'plugin::segments.segment';
export const ENGAGEMENT_TABLE = 'herald_engagement_daily';

export class InvalidSegment extends Error {
  constructor(
    readonly path: Array<string | number>,
    message: string
  ) {
    super(message);
  }
}

type FieldTypes = Record<string, { type: 'text' | 'number' | 'date' | 'boolean' | 'select' | 'multiselect' }>;
type Compiled = { rules: SegmentRules; ctx: { source: SegmentSource; fields: FieldTypes; now: Date } };

// Counts, previews and streams segment members with one SQL query each. A segment is given as its
// documentId or as a rule tree (the builder's live count runs on unsaved rules).
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  // Segment queries test membership in large id sets (tags, engagement) under OR and NOT, which
  // PostgreSQL does with a hashed subplan only when the set fits in work_mem; otherwise it re-runs
  // the subquery per subscriber. Give these queries room, for their transaction only.
  const safeWorkMem = () =>
    ((strapi.config.get('herald') as { segments?: { workMem?: string } }).segments?.workMem ?? '128MB').replace(/[^0-9A-Za-z]/g, '');
  // The planner prices a per-subscriber subplan alternative so high that JIT kicks in, and compiling
  // costs more (about 0.4 s at a million subscribers) than it could save on these scans: off.
  const tune = async (trx: Knex.Transaction) => {
    await trx.raw(`SET LOCAL work_mem = '${safeWorkMem()}'`);
    await trx.raw('SET LOCAL jit = off');
  };
  const query = (sql: string, bindings: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> =>
    knex().transaction(async (trx) => {
      await tune(trx);
      return (await trx.raw(sql, bindings as never)) as { rows: Array<Record<string, unknown>> };
    }) as Promise<{ rows: Array<Record<string, unknown>> }>;

  const source = (): SegmentSource => {
    const audience = strapi.plugin('audience').service('schema');
    const s = audience.subscriberTable();
    return {
      subscribers: {
        table: s.table,
        id: s.id,
        email: s.email,
        status: s.status,
        createdAt: s.createdAt,
        timeZone: s.timeZone,
        fields: s.fields,
      },
      tagLinks: audience.tagLinks(),
      engagement: {
        table: ENGAGEMENT_TABLE,
        subscriberId: 'subscriber_id',
        campaignId: 'campaign_id',
        kind: 'kind',
        day: 'day',
        count: 'count',
      },
    };
  };

  const fieldTypes = async (): Promise<FieldTypes> => {
    const definitions: Array<{ key: string; type: FieldTypes[string]['type'] }> = await strapi
      .plugin('audience')
      .service('fields')
      .definitions();
    return Object.fromEntries(definitions.map((d) => [d.key, { type: d.type }]));
  };

  const rulesOf = async (segment: string | unknown): Promise<unknown> => {
    if (typeof segment !== 'string') return segment;
    const found = (await strapi.documents(SEGMENT as never).findOne({ documentId: segment } as never)) as { rules?: unknown } | null;
    if (!found) throw new InvalidSegment([], `no segment ${segment}`);
    return found.rules;
  };

  const compile = async (segment: string | unknown): Promise<Compiled> => {
    const fields = await fieldTypes();
    const result = validateRules(await rulesOf(segment), fields);
    if (!result.ok) throw new InvalidSegment(result.path, result.message);
    return { rules: result.rules, ctx: { source: source(), fields, now: new Date() } };
  };

  return {
    source,
    compile,

    async validate(rules: unknown) {
      return validateRules(rules, await fieldTypes());
    },

    async count(segment: string | unknown): Promise<number> {
      const { rules, ctx } = await compile(segment);
      const { sql, bindings } = countQuery(rules, ctx);
      const { rows } = await query(sql, bindings);
      return Number(rows[0].count);
    },

    // Member ids in id order, in batches, from one evaluation of the query held open as a cursor:
    // constant memory whatever the segment's size, and the rules are evaluated once, not per page.
    async *stream(segment: string | unknown, { batchSize = 5000 } = {}): AsyncGenerator<number[]> {
      const { rules, ctx } = await compile(segment);
      const { sql, bindings } = idsQuery(rules, ctx);
      const trx = await knex().transaction();
      try {
        await tune(trx);
        // Every row is fetched: plan for the whole result (hashed subplans, joins), not for the
        // first 10% that PostgreSQL assumes of a cursor (per-subscriber index probes).
        await trx.raw('SET LOCAL cursor_tuple_fraction = 1');
        await trx.raw(`DECLARE herald_segment_ids NO SCROLL CURSOR FOR ${sql}`, bindings as never);
        for (;;) {
          const { rows } = await trx.raw(`FETCH ${Math.max(1, Math.floor(batchSize))} FROM herald_segment_ids`);
          if (rows.length === 0) break;
          yield rows.map((r: { id: string | number }) => Number(r.id));
        }
        await trx.commit();
      } finally {
        if (!trx.isCompleted()) await trx.rollback();
      }
    },

    async preview(segment: string | unknown, limit = 20) {
      const { rules, ctx } = await compile(segment);
      const { sql, bindings } = pageQuery(rules, ctx, { afterId: 0, limit: Math.min(Math.max(limit, 1), 100) });
      const ids = (await query(sql, bindings)).rows.map((r) => Number(r.id));
      if (ids.length === 0) return [];
      return strapi.documents('plugin::audience.subscriber' as never).findMany({
        filters: { id: { $in: ids } },
        fields: ['email', 'firstName', 'lastName', 'status', 'createdAt'],
        sort: 'id:asc',
        limit: ids.length,
      } as never);
    },

    // Does one subscriber (numeric id) belong to the segment? For automation conditions.
    async contains(segment: string | unknown, subscriberId: number): Promise<boolean> {
      const { rules, ctx } = await compile(segment);
      const { sql, bindings } = containsQuery(rules, ctx, subscriberId);
      return (await query(sql, bindings)).rows.length > 0;
    },
  };
};
