import { fieldProperty } from '../../plugins/segments/server/src/domain/custom-fields';
import { SUBSCRIBER_STATUSES } from '../../plugins/segments/server/src/domain/operators/status';
import { builtInProperties } from '../../plugins/segments/server/src/domain/properties';
import type { FieldType, SegmentRules } from '../../plugins/segments/server/src/domain/rules';
import type { Random } from './prng';
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
