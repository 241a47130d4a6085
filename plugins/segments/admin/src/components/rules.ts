// The rule tree the builder edits; the server validates it (plugins/segments/server/src/domain/rules.ts).
export type Match = 'all' | 'any' | 'none';
export type Group = { type: 'group'; match: Match; children: RuleNode[] };
export type Condition =
  | { type: 'field'; field: string; operator: string; value?: unknown }
  | { type: 'email' | 'created' | 'time_zone' | 'status'; operator: string; value?: unknown }
  | { type: 'tags'; operator: string; tagIds: number[] }
  | {
      type: 'engagement';
      action: 'received' | 'opened' | 'clicked';
      negate?: boolean;
      campaignId?: string;
      minCount?: number;
      withinDays?: number;
    };
export type RuleNode = Group | Condition;

export type FieldType = 'text' | 'number' | 'date' | 'boolean' | 'select' | 'multiselect';
export type FieldInfo = { key: string; label: string; type: FieldType; options?: string[] | null };
export type TagInfo = { id: number; name: string };

const TEXT = ['is', 'is_not', 'contains', 'not_contains', 'starts_with', 'is_empty', 'is_not_empty'];
const DATE = [
  'before',
  'after',
  'on',
  'within_last_days',
  'within_next_days',
  'more_than_days_ago',
  'anniversary_in_days',
  'is_empty',
  'is_not_empty',
];

// Which operators each kind of value offers, in the order the builder lists them.
export const OPERATORS: Record<FieldType | 'email' | 'created' | 'time_zone' | 'status' | 'tags', string[]> = {
  text: TEXT,
  select: ['is', 'is_not', 'is_empty', 'is_not_empty'],
  multiselect: ['has_any', 'has_all', 'has_none', 'is_empty', 'is_not_empty'],
  number: ['eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'between', 'is_empty', 'is_not_empty'],
  date: DATE,
  boolean: ['is_true', 'is_false', 'is_empty'],
  email: TEXT,
  created: DATE.filter((o) => !o.includes('empty')),
  time_zone: ['is', 'is_not', 'is_empty', 'is_not_empty'],
  status: ['is', 'is_not'],
  tags: ['has_any', 'has_all', 'has_none'],
};

export const OPERATOR_LABELS: Record<string, string> = {
  is: 'is',
  is_not: 'is not',
  contains: 'contains',
  not_contains: 'does not contain',
  starts_with: 'starts with',
  is_empty: 'is empty',
  is_not_empty: 'is not empty',
  has_any: 'has any of',
  has_all: 'has all of',
  has_none: 'has none of',
  eq: '=',
  neq: '≠',
  lt: '<',
  lte: '≤',
  gt: '>',
  gte: '≥',
  between: 'is between',
  before: 'is before',
  after: 'is after',
  on: 'is on',
  within_last_days: 'is within the last N days',
  within_next_days: 'is within the next N days',
  more_than_days_ago: 'is more than N days ago',
  anniversary_in_days: 'has its anniversary in N days',
  is_true: 'is true',
  is_false: 'is false',
};

export const STATUSES = ['unconfirmed', 'active', 'unsubscribed', 'bounced', 'complained', 'blocked'];

export const needsNoValue = (operator: string) => ['is_empty', 'is_not_empty', 'is_true', 'is_false'].includes(operator);
export const takesDays = (operator: string) => operator.endsWith('_days') || operator === 'more_than_days_ago';

export const emptyGroup = (): Group => ({ type: 'group', match: 'all', children: [] });
export const defaultCondition = (): Condition => ({ type: 'status', operator: 'is', value: 'active' });
