import { fieldProperty, type FieldDefinitions } from './custom-fields';
import { lastDaysStart, utcDay } from './days';
import { builtInProperties, type BuiltInProperty } from './properties';
import { DEFAULT_MIN_COUNT, type GroupNode, type NodeOf, type NodeType, type SegmentRules } from './rules';
import { SUBSCRIBERS_ALIAS, subscriberColumn, type SegmentSource } from './source';
import { FALSE, TRUE, ident, join, sql, table, type Sql } from './sql';

// Compiles a validated rule tree to one boolean SQL expression over the subscribers table (alias
// `s`) with `?` bindings (knex raw style). Every condition is strictly true or false, never NULL.

export interface CompileOptions {
  source: SegmentSource;
  fields: FieldDefinitions;
  now: Date;
}

export interface Query {
  sql: string;
  bindings: unknown[];
}

type Id = number | string;

interface Scope {
  source: SegmentSource;
  fields: FieldDefinitions;
  today: string;
  afterId?: Id; // the lower bound of a keyset page
}

type Compilers = { [T in NodeType]: (node: NodeOf<T>, scope: Scope) => Sql };

// `none` is written as NOT a AND NOT b: a NOT EXISTS among the top-level ANDs becomes an anti-join,
// where NOT (a OR b) would leave it a per-subscriber subplan.
const allOf = (parts: Sql[]): Sql => (parts.length ? sql`(${join(parts, ' AND ')})` : TRUE);
const groups: Record<GroupNode['match'], (parts: Sql[]) => Sql> = {
  all: allOf,
  any: (parts) => (parts.length ? sql`(${join(parts, ' OR ')})` : FALSE),
  none: (parts) => allOf(parts.map((part) => sql`NOT ${part}`)),
};

const builtIn =
  (type: BuiltInProperty) =>
  (node: { operator: string; value?: unknown }, { source, today }: Scope): Sql =>
    builtInProperties[type].sql(node.operator, node.value, source, today);

// In a keyset page, subqueries repeat the page's lower bound on their own subscriber column: the
// planner does not carry `s.id > ?` over, and a merge join would read from the first subscriber on.
const pageBound = (column: Sql, { afterId }: Scope): Sql[] => (afterId === undefined ? [] : [sql`${column} > ${afterId}`]);

// Tag and engagement conditions are correlated EXISTS: at the top of the tree PostgreSQL turns them
// into (anti) semi-joins; under OR / NOT it hashes the subquery when that fits in work_mem and
// otherwise probes an index per subscriber. (`s.id IN (subquery)` there would rescan the whole
// subquery per subscriber once the hash outgrows work_mem: minutes at a million subscribers.)
const compilers: Compilers = {
  group: (node, scope) => groups[node.match](node.children.map((child) => compileNode(child, scope))),
  field: (node, { source, fields, today }) => fieldProperty(fields, node.field).sql(node.operator, node.value, source, today),
  email: builtIn('email'),
  status: builtIn('status'),
  created: builtIn('created'),
  time_zone: builtIn('time_zone'),
  tags: (node, scope) => {
    const { tagLinks } = scope.source;
    const subscriber = ident('l', tagLinks.subscriberId);
    const tagged = (tagIds: number[]) => {
      const filters = [sql`${subscriber} = ${subscriberColumn(scope.source, 'id')}`, ...pageBound(subscriber, scope)];
      return sql`EXISTS (SELECT 1 FROM ${table(tagLinks.table)} l WHERE ${join(filters, ' AND ')} AND ${ident('l', tagLinks.tagId)} IN (${join(tagIds, ', ')}))`;
    };
    const tagIds = [...new Set(node.tagIds)];
    if (node.operator === 'has_all') return allOf(tagIds.map((id) => tagged([id])));
    return node.operator === 'has_none' ? sql`NOT ${tagged(tagIds)}` : tagged(tagIds);
  },
  engagement: (node, scope) => {
    const { engagement } = scope.source;
    const column = (name: string) => ident('e', name);
    const subscriber = column(engagement.subscriberId);
    const id = subscriberColumn(scope.source, 'id');
    const filters = [sql`${column(engagement.kind)} = ${node.action}`, ...pageBound(subscriber, scope)];
    if (node.campaignId !== undefined) filters.push(sql`${column(engagement.campaignId)} = ${node.campaignId}`);
    if (node.withinDays !== undefined) filters.push(sql`${column(engagement.day)} >= ${lastDaysStart(scope.today, node.withinDays)}`);
    const rows = sql`FROM ${table(engagement.table)} e WHERE ${join(filters, ' AND ')}`;
    const minCount = node.minCount ?? DEFAULT_MIN_COUNT;
    // Counts are positive, so "at least once" is any row; more needs the sum per subscriber,
    // grouped in a derived table the planner can hash once or filter by subscriber.
    const engaged =
      minCount === 1
        ? sql`EXISTS (SELECT 1 ${rows} AND ${subscriber} = ${id})`
        : sql`EXISTS (SELECT 1 FROM (SELECT ${subscriber} AS subscriber ${rows} GROUP BY ${subscriber} HAVING sum(${column(engagement.count)}) >= ${minCount}) engaged WHERE engaged.subscriber = ${id})`;
    return node.negate ? sql`NOT ${engaged}` : engaged;
  },
};

// TypeScript cannot relate node.type to its compiler's parameter; the record's type guarantees it.
const compileNode = (node: SegmentRules, scope: Scope): Sql =>
  (compilers[node.type] as (node: SegmentRules, scope: Scope) => Sql)(node, scope);

const scopeOf = ({ source, fields, now }: CompileOptions): Scope => ({ source, fields, today: utcDay(now) });

const where = (rules: SegmentRules, options: CompileOptions, afterId?: Id): Sql => compileNode(rules, { ...scopeOf(options), afterId });

const subscribers = (source: SegmentSource): Sql => sql`${table(source.subscribers.table)} ${ident(null, SUBSCRIBERS_ALIAS)}`;

const query = (fragment: Sql): Query => ({ sql: fragment.text, bindings: [...fragment.bindings] });

export const compileSegment = (rules: SegmentRules, options: CompileOptions): { where: string; bindings: unknown[] } => {
  const { sql: text, bindings } = query(where(rules, options));
  return { where: text, bindings };
};

const INDEXED_DATE_WINDOWS = new Set(['before', 'after', 'on', 'within_last_days', 'within_next_days', 'more_than_days_ago']);

// Whether an index range yields the node's members without testing every subscriber: held tags,
// engagement that happened, a window of creation dates, or an `all` group holding one of these.
const narrows = (node: SegmentRules): boolean => {
  if (node.type === 'tags') return node.operator !== 'has_none';
  if (node.type === 'engagement') return !node.negate;
  if (node.type === 'created') return INDEXED_DATE_WINDOWS.has(node.operator);
  if (node.type !== 'group') return false;
  return node.match === 'all'
    ? node.children.some(narrows)
    : node.match === 'any' && node.children.length > 0 && node.children.every(narrows);
};

// Member ids, each once, for counting. Under OR, tag and engagement conditions are
// hashed subplans that PostgreSQL tests per subscriber on one serial scan (custom fields read for
// everyone, engagement sets hashed whole). An `any` group whose children narrow by index becomes a
// UNION instead: in each branch those conditions stand at the top and are planned as (parallel)
// semi-joins from their index ranges. Children that do not narrow share one scan, so a union never
// reads the table more than once in full.
const memberIds = (rules: SegmentRules, scope: Scope): Sql | undefined => {
  if (rules.type !== 'group' || rules.match !== 'any' || !rules.children.some(narrows)) return undefined;
  const id = subscriberColumn(scope.source, 'id');
  const select = (condition: Sql) => sql`SELECT ${id} FROM ${subscribers(scope.source)} WHERE ${condition}`;
  const rest = rules.children.filter((child) => !narrows(child));
  const branches = [
    ...rules.children.filter(narrows).map((child) => memberIds(child, scope) ?? select(compileNode(child, scope))),
    ...(rest.length ? [select(groups.any(rest.map((child) => compileNode(child, scope))))] : []),
  ];
  return join(branches, ' UNION ');
};

export const countQuery = (rules: SegmentRules, options: CompileOptions): Query => {
  const members = memberIds(rules, scopeOf(options));
  if (members) return query(sql`SELECT count(*) AS count FROM (${members}) members`);
  return query(sql`SELECT count(*) AS count FROM ${subscribers(options.source)} WHERE ${where(rules, options)}`);
};

// Every member id in id order, for reading through a cursor. Not as a UNION: PostgreSQL runs
// cursors without parallel workers, and serially the union's semi-joins (hashing the whole
// engagement window) cost more than testing each subscriber on one scan.
export const idsQuery = (rules: SegmentRules, options: CompileOptions): Query => {
  const id = subscriberColumn(options.source, 'id');
  return query(sql`SELECT ${id} AS id FROM ${subscribers(options.source)} WHERE ${where(rules, options)} ORDER BY ${id}`);
};

// One page of member ids in id order, after `afterId` (keyset paging: constant cost per page).
export const pageQuery = (rules: SegmentRules, options: CompileOptions, page: { afterId?: Id; limit: number }): Query => {
  const id = subscriberColumn(options.source, 'id');
  const after = page.afterId === undefined ? sql`` : sql`${id} > ${page.afterId} AND `;
  return query(
    sql`SELECT ${id} AS id FROM ${subscribers(options.source)} WHERE ${after}(${where(rules, options, page.afterId)}) ORDER BY ${id} LIMIT ${page.limit}`
  );
};

// One row when the subscriber is a member, none otherwise.
export const containsQuery = (rules: SegmentRules, options: CompileOptions, subscriberId: Id): Query => {
  const id = subscriberColumn(options.source, 'id');
  return query(sql`SELECT 1 AS member FROM ${subscribers(options.source)} WHERE ${id} = ${subscriberId} AND (${where(rules, options)})`);
};
