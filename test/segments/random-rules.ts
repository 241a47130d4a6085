import { fieldProperty } from '../../plugins/segments/server/src/domain/custom-fields';
import { SUBSCRIBER_STATUSES } from '../../plugins/segments/server/src/domain/operators/status';
import { builtInProperties } from '../../plugins/segments/server/src/domain/properties';
import type { FieldType, SegmentRules } from '../../plugins/segments/server/src/domain/rules';
import { seededRandom, type Random } from './prng';
import { CAMPAIGN_IDS, EMAIL_PROBES, INTEREST_PROBES, PLANS, TAG_IDS, TEXT_PROBES, TIME_ZONES, fields, DAYS } from './world';

type ValueDomain = FieldType | 'email' | 'status' | 'time_zone';

const NO_VALUE = new Set(['is_empty', 'is_not_empty', 'is_true', 'is_false']);
const DAY_COUNTS = new Set(['within_last_days', 'within_next_days', 'more_than_days_ago']);

const probes: Partial<Record<ValueDomain, readonly string[]>> = {
  text: TEXT_PROBES,
  select: PLANS,
  email: EMAIL_PROBES,
  time_zone: TIME_ZONES.filter(Boolean),
};

// A value that suits the operator, drawn from what the data holds so conditions often match.
const valueFor = (random: Random, domain: ValueDomain, operator: string): unknown => {
  if (NO_VALUE.has(operator)) return undefined;
  if (DAY_COUNTS.has(operator)) return random.int(0, 45);
  if (operator === 'anniversary_in_days') return random.int(0, 4); // 2 lands on 28 February 2025
  if (domain === 'date') return random.pick(DAYS);
  if (operator === 'between') return [random.int(-5, 8), random.int(8, 20)];
  if (domain === 'number') return random.chance(0.2) ? random.int(-10, 40) / 2 : random.int(-5, 20);
  if (domain === 'multiselect') return random.subset(INTEREST_PROBES, 1);
  if (domain === 'status') return random.chance(0.5) ? random.pick(SUBSCRIBER_STATUSES) : random.subset(SUBSCRIBER_STATUSES, 1);
  return random.pick(probes[domain] ?? []);
};

type Case = (random: Random) => SegmentRules;

const BUILT_INS = ['email', 'status', 'created', 'time_zone'] as const;

// One case per subject and operator (values drawn at random), so every operator gets exercised.
export const conditionCases: Case[] = [
  ...Object.keys(fields).flatMap((field) =>
    Object.keys(fieldProperty(fields, field).operators).map((operator): Case => (random) => ({
      type: 'field',
      field,
      operator,
      value: valueFor(random, fields[field].type, operator),
    }))
  ),
  ...BUILT_INS.flatMap((type) =>
    Object.keys(builtInProperties[type].operators).map((operator): Case => (random) => ({
      type,
      operator,
      value: valueFor(random, type === 'created' ? 'date' : type, operator),
    }))
  ),
  ...(['has_any', 'has_all', 'has_none'] as const).map((operator): Case => (random) => ({
    type: 'tags',
    operator,
    tagIds: random.subset(TAG_IDS, 1),
  })),
  ...(['received', 'opened', 'clicked'] as const).map((action): Case => (random) => ({
    type: 'engagement',
    action,
    ...(random.chance(0.3) && { negate: true }),
    ...(random.chance(0.4) && { campaignId: random.pick(CAMPAIGN_IDS) }),
    ...(random.chance(0.5) && { minCount: random.int(1, 4) }),
    ...(random.chance(0.6) && { withinDays: random.int(1, 60) }),
  })),
];

// A random rule tree over every node kind, groups nested up to `maxDepth` levels.
export const randomRules = (random: Random, maxDepth: number, depth = 1): SegmentRules => {
  if (depth < maxDepth && (depth === 1 || random.chance(0.35))) {
    const children = Array.from({ length: random.int(0, 4) }, () => randomRules(random, maxDepth, depth + 1));
    return { type: 'group', match: random.pick(['all', 'any', 'none'] as const), children };
  }
  return random.pick(conditionCases)(random);
};

// Conditions an index range answers (positive tags and engagement, creation windows): an `any`
// group over branches holding them is counted as a UNION of id sets.
const narrowingCases: Case[] = conditionCases.filter((makeCondition) => {
  const rule = makeCondition(seededRandom(1));
  if (rule.type === 'created') return !['anniversary_in_days', 'is_empty', 'is_not_empty'].includes(rule.operator);
  return rule.type === 'tags' || rule.type === 'engagement';
});

const narrowingLeaf = (random: Random): SegmentRules => {
  const rule = random.pick(narrowingCases)(random);
  if (rule.type === 'tags' && rule.operator === 'has_none') return { ...rule, operator: 'has_any' };
  if (rule.type === 'engagement' && rule.negate) return { ...rule, negate: false };
  return rule;
};

// An `any` group of the shapes the UNION form takes apart: narrowing leaves, `all` branches with
// one among other conditions, nested `any` groups of narrowing branches, and arbitrary rules.
export const unionRules = (random: Random, maxDepth: number, depth = 1): SegmentRules => {
  const branch = (): SegmentRules => {
    const roll = random.next();
    if (roll < 0.3) return narrowingLeaf(random);
    if (roll < 0.7 || depth + 1 >= maxDepth) {
      const others = Array.from({ length: random.int(0, 2) }, () => randomRules(random, maxDepth, depth + 2));
      return {
        type: 'group',
        match: 'all',
        children: random.chance(0.5) ? [narrowingLeaf(random), ...others] : [...others, narrowingLeaf(random)],
      };
    }
    if (roll < 0.85) return unionRules(random, maxDepth, depth + 1);
    return randomRules(random, maxDepth, depth + 1);
  };
  return { type: 'group', match: 'any', children: Array.from({ length: random.int(1, 4) }, branch) };
};
