import { fieldProperty, type FieldDefinitions } from './custom-fields';
import { lastDaysStart, utcDay } from './days';
import { builtInProperties, type BuiltInProperty } from './properties';
import { DEFAULT_MIN_COUNT, type GroupNode, type NodeOf, type NodeType, type SegmentRules } from './rules';
import type { SubscriberFacts } from './subscriber';

// The in-memory twin of compile.ts: the same rules, the same answers, for one subscriber at a time.

export interface EvaluateOptions {
  fields: FieldDefinitions;
  now: Date;
}

interface Scope {
  fields: FieldDefinitions;
  today: string;
}

type Predicate = (subscriber: SubscriberFacts) => boolean;
type Evaluators = { [T in NodeType]: (node: NodeOf<T>, scope: Scope) => Predicate };

const groups: Record<GroupNode['match'], (children: Predicate[]) => Predicate> = {
  all: (children) => (s) => children.every((child) => child(s)),
  any: (children) => (s) => children.some((child) => child(s)),
  none: (children) => (s) => !children.some((child) => child(s)),
};

const builtIn =
  (type: BuiltInProperty) =>
  (node: { operator: string; value?: unknown }, { today }: Scope): Predicate =>
    builtInProperties[type].matcher(node.operator, node.value, today);

const evaluators: Evaluators = {
  group: (node, scope) => groups[node.match](node.children.map((child) => predicate(child, scope))),
  field: (node, { fields, today }) => fieldProperty(fields, node.field).matcher(node.operator, node.value, today),
  email: builtIn('email'),
  status: builtIn('status'),
  created: builtIn('created'),
  time_zone: builtIn('time_zone'),
  tags: (node) => {
    const tagIds = [...new Set(node.tagIds)];
    const has = (s: SubscriberFacts) => (id: number) => s.tagIds.includes(id);
    if (node.operator === 'has_all') return (s) => tagIds.every(has(s));
    if (node.operator === 'has_any') return (s) => tagIds.some(has(s));
    return (s) => !tagIds.some(has(s));
  },
  engagement: (node, { today }) => {
    const from = node.withinDays === undefined ? null : lastDaysStart(today, node.withinDays);
    const counted = (row: SubscriberFacts['engagement'][number]) =>
      row.kind === node.action &&
      (node.campaignId === undefined || row.campaignId === node.campaignId) &&
      (from === null || row.day >= from);
    return (s) => {
      const total = s.engagement.filter(counted).reduce((sum, row) => sum + row.count, 0);
      return total >= (node.minCount ?? DEFAULT_MIN_COUNT) !== Boolean(node.negate);
    };
  },
};

// TypeScript cannot relate node.type to its evaluator's parameter; the record's type guarantees it.
const predicate = (node: SegmentRules, scope: Scope): Predicate =>
  (evaluators[node.type] as (node: SegmentRules, scope: Scope) => Predicate)(node, scope);

// Prepares the rules once (values parsed, dates worked out) for testing many subscribers.
export const matcher = (rules: SegmentRules, { fields, now }: EvaluateOptions): Predicate =>
  predicate(rules, { fields, today: utcDay(now) });

export const matches = (rules: SegmentRules, subscriber: SubscriberFacts, options: EvaluateOptions): boolean =>
  matcher(rules, options)(subscriber);
