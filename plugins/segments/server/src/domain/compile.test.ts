import { compileSegment, containsQuery, countQuery, idsQuery, pageQuery, type CompileOptions } from './compile';
import { recommendedIndexes } from './indexes';
import type { SegmentRules } from './rules';
import type { SegmentSource } from './source';

const source: SegmentSource = {
  subscribers: {
    table: 'audience.subscribers',
    id: 'id',
    email: 'email',
    status: 'status',
    createdAt: 'created_at',
    timeZone: 'time_zone',
    fields: 'fields',
  },
  tagLinks: { table: 'subscriber_tags', subscriberId: 'subscriber_id', tagId: 'tag_id' },
  engagement: {
    table: 'engagement_daily',
    subscriberId: 'subscriber_id',
    campaignId: 'campaign_id',
    kind: 'kind',
    day: 'day',
    count: 'count',
  },
};
const options: CompileOptions = { source, fields: { nickname: { type: 'text' } }, now: new Date('2025-02-26T18:45:00Z') };

const placeholders = (text: string) => text.split('?').length - 1;

describe('compileSegment', () => {
  it('returns a boolean expression over alias s with one binding per placeholder', () => {
    const { where, bindings } = compileSegment({ type: 'status', operator: 'is', value: ['active', 'unconfirmed'] }, options);
    expect(where).toBe('(s."status" IS NOT NULL AND s."status" IN (?, ?))');
    expect(bindings).toEqual(['active', 'unconfirmed']);
  });

  it('passes values as bindings, never as SQL text', () => {
    const attack = "x'); DROP TABLE s; --";
    const rules: SegmentRules = {
      type: 'group',
      match: 'any',
      children: [
        { type: 'field', field: 'nickname', operator: 'is', value: attack },
        { type: 'email', operator: 'contains', value: attack },
        { type: 'time_zone', operator: 'is_not', value: attack },
      ],
    };
    const { where, bindings } = compileSegment(rules, options);
    expect(where).not.toContain('DROP');
    expect(where).not.toContain("x'");
    expect(bindings).toEqual(expect.arrayContaining([attack, `%${attack}%`]));
    expect(placeholders(where)).toBe(bindings.length);
  });

  it('escapes LIKE wildcards in contains and starts_with', () => {
    const contains = compileSegment({ type: 'email', operator: 'contains', value: '50%_off\\' }, options);
    expect(contains.where).toBe(`(s."email" IS NOT NULL AND lower(s."email") LIKE lower(?) ESCAPE '\\')`);
    expect(contains.bindings).toEqual(['%50\\%\\_off\\\\%']);
    expect(compileSegment({ type: 'email', operator: 'starts_with', value: 'a_' }, options).bindings).toEqual(['a\\_%']);
  });

  it('makes a none group NOT a AND NOT b, over conditions that are never NULL', () => {
    const rules: SegmentRules = {
      type: 'group',
      match: 'none',
      children: [
        { type: 'email', operator: 'is', value: 'a@b.c' },
        { type: 'field', field: 'nickname', operator: 'is_not', value: 'Al' },
      ],
    };
    expect(compileSegment(rules, options).where).toBe(
      '(NOT (s."email" IS NOT NULL AND lower(s."email") = lower(?)) AND ' +
        'NOT COALESCE(NOT (lower(CASE WHEN jsonb_typeof(s."fields" -> ?) = ? THEN s."fields" ->> ? END) = lower(?)), FALSE))'
    );
  });

  it('compiles empty groups to constants: all and none match everyone, any no one', () => {
    const empty = (match: 'all' | 'any' | 'none') => compileSegment({ type: 'group', match, children: [] }, options);
    expect([empty('all'), empty('any'), empty('none')]).toEqual([
      { where: 'TRUE', bindings: [] },
      { where: 'FALSE', bindings: [] },
      { where: 'TRUE', bindings: [] },
    ]);
  });

  it('reads tags and engagement through correlated EXISTS', () => {
    const tagged = (ids: string) =>
      `EXISTS (SELECT 1 FROM "subscriber_tags" l WHERE l."subscriber_id" = s."id" AND l."tag_id" IN (${ids}))`;
    expect(compileSegment({ type: 'tags', operator: 'has_all', tagIds: [4, 2, 4] }, options)).toEqual({
      where: `(${tagged('?')} AND ${tagged('?')})`,
      bindings: [4, 2],
    });
    expect(compileSegment({ type: 'tags', operator: 'has_none', tagIds: [4, 2] }, options)).toEqual({
      where: `NOT ${tagged('?, ?')}`,
      bindings: [4, 2],
    });
    expect(compileSegment({ type: 'engagement', action: 'clicked', withinDays: 7 }, options)).toEqual({
      where: 'EXISTS (SELECT 1 FROM "engagement_daily" e WHERE e."kind" = ? AND e."day" >= ? AND e."subscriber_id" = s."id")',
      bindings: ['clicked', '2025-02-20'],
    });
    expect(
      compileSegment({ type: 'engagement', action: 'opened', negate: true, campaignId: 'cmp9', minCount: 2, withinDays: 30 }, options)
    ).toEqual({
      where:
        'NOT EXISTS (SELECT 1 FROM (SELECT e."subscriber_id" AS subscriber FROM "engagement_daily" e WHERE e."kind" = ? AND e."campaign_id" = ? AND e."day" >= ? GROUP BY e."subscriber_id" HAVING sum(e."count") >= ?) engaged WHERE engaged.subscriber = s."id")',
      bindings: ['opened', 'cmp9', '2025-01-28', 2],
    });
  });

  it('compares creation dates with UTC midnights, so an index on the column applies', () => {
    expect(compileSegment({ type: 'created', operator: 'on', value: '2024-02-29' }, options)).toEqual({
      where: '(s."created_at" IS NOT NULL AND s."created_at" >= ?::timestamptz AND s."created_at" < ?::timestamptz)',
      bindings: ['2024-02-29T00:00:00Z', '2024-03-01T00:00:00Z'],
    });
  });

  it('quotes every identifier from the source', () => {
    const odd: SegmentSource = { ...source, subscribers: { ...source.subscribers, table: 'we"ird.sub scribers', email: 'e"mail' } };
    const { sql } = countQuery({ type: 'email', operator: 'is_empty' }, { ...options, source: odd });
    expect(sql).toBe(`SELECT count(*) AS count FROM "we""ird"."sub scribers" "s" WHERE (s."e""mail" IS NULL OR s."e""mail" = '')`);
  });

  it('refuses rules that were not validated', () => {
    expect(() => compileSegment({ type: 'field', field: 'shoe_size', operator: 'eq', value: 1 }, options)).toThrow(
      'Unknown custom field "shoe_size"'
    );
    expect(() => compileSegment({ type: 'email', operator: 'toString' }, options)).toThrow('Unknown segment operator "toString"');
    expect(() => compileSegment({ type: 'email', operator: 'is', value: 5 }, options)).toThrow();
  });
});

describe('queries', () => {
  const rules: SegmentRules = { type: 'status', operator: 'is', value: 'active' };
  const where = '(s."status" IS NOT NULL AND s."status" IN (?))';

  it('counts members', () => {
    expect(countQuery(rules, options)).toEqual({
      sql: `SELECT count(*) AS count FROM "audience"."subscribers" "s" WHERE ${where}`,
      bindings: ['active'],
    });
  });

  it('lists every member id in id order', () => {
    expect(idsQuery(rules, options)).toEqual({
      sql: `SELECT s."id" AS id FROM "audience"."subscribers" "s" WHERE ${where} ORDER BY s."id"`,
      bindings: ['active'],
    });
  });

  it('pages member ids by keyset, from the start or after an id', () => {
    expect(pageQuery(rules, options, { limit: 100 })).toEqual({
      sql: `SELECT s."id" AS id FROM "audience"."subscribers" "s" WHERE (${where}) ORDER BY s."id" LIMIT ?`,
      bindings: ['active', 100],
    });
    expect(pageQuery(rules, options, { afterId: 42, limit: 100 })).toEqual({
      sql: `SELECT s."id" AS id FROM "audience"."subscribers" "s" WHERE s."id" > ? AND (${where}) ORDER BY s."id" LIMIT ?`,
      bindings: [42, 'active', 100],
    });
  });

  it('repeats the page bound inside subqueries, so the planner need not read them from the start', () => {
    const { sql, bindings } = pageQuery({ type: 'engagement', action: 'opened', minCount: 2 }, options, { afterId: 42, limit: 10 });
    expect(sql).toContain('WHERE e."kind" = ? AND e."subscriber_id" > ? GROUP BY');
    expect(bindings).toEqual([42, 'opened', 42, 2, 10]);
    expect(pageQuery({ type: 'tags', operator: 'has_any', tagIds: [3] }, options, { afterId: 42, limit: 10 }).sql).toContain(
      'WHERE l."subscriber_id" = s."id" AND l."subscriber_id" > ? AND l."tag_id" IN (?)'
    );
  });

  it('checks one subscriber', () => {
    expect(containsQuery(rules, options, 7)).toEqual({
      sql: `SELECT 1 AS member FROM "audience"."subscribers" "s" WHERE s."id" = ? AND (${where})`,
      bindings: [7, 'active'],
    });
  });
});

describe('recommendedIndexes', () => {
  it('indexes tag links by tag and by subscriber, engagement by kind and day, by campaign and by subscriber', () => {
    expect(recommendedIndexes(source)).toEqual([
      'CREATE INDEX IF NOT EXISTS "subscriber_tags_segment_tag_idx" ON "subscriber_tags" ("tag_id", "subscriber_id")',
      'CREATE INDEX IF NOT EXISTS "subscriber_tags_segment_subscriber_idx" ON "subscriber_tags" ("subscriber_id", "tag_id")',
      'CREATE INDEX IF NOT EXISTS "engagement_daily_segment_kind_day_idx" ON "engagement_daily" ("kind", "day", "subscriber_id") INCLUDE ("count")',
      'CREATE INDEX IF NOT EXISTS "engagement_daily_segment_campaign_idx" ON "engagement_daily" ("campaign_id", "kind", "day") INCLUDE ("subscriber_id", "count")',
      'CREATE INDEX IF NOT EXISTS "engagement_daily_segment_subscriber_idx" ON "engagement_daily" ("subscriber_id", "kind", "day") INCLUDE ("campaign_id", "count")',
      'CREATE INDEX IF NOT EXISTS "subscribers_segment_created_idx" ON "audience"."subscribers" ("created_at")',
      'CREATE INDEX IF NOT EXISTS "subscribers_segment_status_idx" ON "audience"."subscribers" ("status")',
      'CREATE INDEX IF NOT EXISTS "subscribers_segment_email_idx" ON "audience"."subscribers" (lower("email") text_pattern_ops)',
    ]);
  });
});
