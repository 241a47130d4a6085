import { MAX_DEPTH, MAX_NODES, segmentRuleSchema, validateRules, type FieldDefinitions } from './rules';

const fields: FieldDefinitions = {
  plan: { type: 'select' },
  score: { type: 'number' },
  birthday: { type: 'date' },
  interests: { type: 'multiselect' },
  vip: { type: 'boolean' },
  nickname: { type: 'text' },
};

const group = (...children: unknown[]) => ({ type: 'group', match: 'all', children });
const nested = (levels: number): unknown =>
  levels === 1 ? { type: 'status', operator: 'is', value: 'active' } : group(nested(levels - 1));

const failure = (input: unknown) => {
  const result = validateRules(input, fields);
  if (result.ok) throw new Error('expected the rules to be refused');
  return { path: result.path, message: result.message };
};

describe('validateRules', () => {
  it('accepts a tree using every kind of node, and returns it', () => {
    const rules = {
      type: 'group',
      match: 'any',
      children: [
        { type: 'group', match: 'none', children: [] },
        { type: 'field', field: 'plan', operator: 'is', value: 'gold' },
        { type: 'field', field: 'score', operator: 'between', value: [1, 1] },
        { type: 'field', field: 'birthday', operator: 'anniversary_in_days', value: 0 },
        { type: 'field', field: 'interests', operator: 'has_all', value: ['news', 'tech'] },
        { type: 'field', field: 'vip', operator: 'is_true' },
        { type: 'email', operator: 'starts_with', value: 'ann' },
        { type: 'status', operator: 'is_not', value: ['bounced', 'complained'] },
        { type: 'created', operator: 'before', value: '2024-02-29' },
        { type: 'time_zone', operator: 'is_empty' },
        { type: 'tags', operator: 'has_none', tagIds: [3] },
        { type: 'engagement', action: 'opened', negate: true, campaignId: 'c7', minCount: 2, withinDays: 30 },
        { type: 'engagement', action: 'clicked' },
      ],
    };
    expect(validateRules(rules, fields)).toEqual({ ok: true, rules });
  });

  it('takes text that looks like SQL as an ordinary value', () => {
    const rules = group({ type: 'field', field: 'nickname', operator: 'contains', value: "x'); DROP TABLE s; --" });
    expect(validateRules(rules, fields).ok).toBe(true);
  });

  it('points at an unknown field', () => {
    const rules = group({ type: 'email', operator: 'is_empty' }, group({ type: 'field', field: 'shoe_size', operator: 'eq', value: 44 }));
    expect(failure(rules)).toEqual({ path: ['children', 1, 'children', 0, 'field'], message: 'unknown field "shoe_size"' });
  });

  it('does not take inherited object keys for field definitions', () => {
    expect(failure({ type: 'field', field: 'constructor', operator: 'is_empty' })).toEqual({
      path: ['field'],
      message: 'unknown field "constructor"',
    });
  });

  it('refuses an operator that does not apply to the field type, listing those that do', () => {
    expect(failure(group({ type: 'field', field: 'score', operator: 'contains', value: '4' }))).toEqual({
      path: ['children', 0, 'operator'],
      message: '"contains" does not apply to number fields; use one of: eq, neq, lt, lte, gt, gte, between, is_empty, is_not_empty',
    });
    expect(failure({ type: 'created', operator: 'is', value: 'x' }).message).toMatch(
      /^"is" does not apply to created; use one of: before, /
    );
  });

  it.each([
    [{ type: 'field', field: 'score', operator: 'gt', value: 'ten' }, ['value'], 'value must be a number'],
    [{ type: 'field', field: 'score', operator: 'between', value: [5, 1] }, ['value'], 'between needs [min, max] with min not above max'],
    [{ type: 'field', field: 'score', operator: 'between', value: [1, 'x'] }, ['value', 1], 'value must be a number'],
    [
      { type: 'field', field: 'birthday', operator: 'on', value: '2025-02-29' },
      ['value'],
      'value must be a date written YYYY-MM-DD, between 1000-01-01 and 9999-12-30',
    ],
    [
      { type: 'field', field: 'birthday', operator: 'within_last_days', value: 1.5 },
      ['value'],
      'value must be a whole number of days from 0 to 36500',
    ],
    [{ type: 'field', field: 'interests', operator: 'has_any', value: [] }, ['value'], 'value must list at least one option'],
    [{ type: 'field', field: 'plan', operator: 'is', value: '' }, ['value'], 'value must not be empty (use is_empty to find empty values)'],
    [{ type: 'field', field: 'vip', operator: 'is_empty', value: false }, ['value'], 'this operator takes no value'],
    [
      { type: 'status', operator: 'is', value: 'gone' },
      ['value'],
      'value must be one of unconfirmed, active, unsubscribed, bounced, complained, blocked, or a list of them',
    ],
    [{ type: 'tags', operator: 'has_any', tagIds: [] }, ['tagIds'], 'tagIds must list at least one tag'],
    [{ type: 'engagement', action: 'opened', withinDays: 0 }, ['withinDays'], 'withinDays must be a whole number of days from 1 to 36500'],
    [{ type: 'engagement', action: 'opened', campaignId: 7 }, ['campaignId'], 'campaignId must be a campaign documentId'],
    [{ type: 'engagement', action: 'opened', campaignId: ' ' }, ['campaignId'], 'campaignId must be a campaign documentId'],
  ])('refuses a bad value: %j', (rule, path, message) => {
    expect(failure(group(rule))).toEqual({ path: ['children', 0, ...path], message });
  });

  it('names the node types when one is unknown, and refuses misspelt keys', () => {
    expect(failure(group({ type: 'automation' }))).toEqual({
      path: ['children', 0, 'type'],
      message: 'unknown rule type; use one of: group, field, email, status, created, time_zone, tags, engagement',
    });
    expect(failure(group(42))).toEqual({ path: ['children', 0], message: 'each rule must be an object' });
    expect(failure({ type: 'email', operater: 'is', value: 'a' })).toEqual({ path: ['operator'], message: 'operator is missing' });
    expect(failure({ type: 'email', operator: 'is', valeu: 'a' })).toEqual({ path: [], message: 'Unrecognized key: "valeu"' });
  });

  it(`accepts ${MAX_DEPTH} levels of nesting and refuses more, pointing at the first node too deep`, () => {
    expect(validateRules(nested(MAX_DEPTH), fields).ok).toBe(true);
    expect(failure(nested(MAX_DEPTH + 1))).toEqual({
      path: Array.from({ length: MAX_DEPTH }, () => ['children', 0]).flat(),
      message: `rules nest too deep: at most ${MAX_DEPTH} levels`,
    });
  });

  it(`accepts ${MAX_NODES} nodes and refuses more`, () => {
    const leaves = (n: number) => Array.from({ length: n }, () => ({ type: 'email', operator: 'is_not_empty' }));
    expect(validateRules(group(...leaves(MAX_NODES - 1)), fields).ok).toBe(true);
    expect(failure(group(...leaves(MAX_NODES)))).toEqual({
      path: ['children', MAX_NODES - 1],
      message: `too many rules: a segment holds at most ${MAX_NODES}`,
    });
  });
});

describe('segmentRuleSchema', () => {
  it('checks the shape of a tree without field definitions', () => {
    expect(segmentRuleSchema.safeParse(group({ type: 'field', field: 'anything', operator: 'is', value: 1 })).success).toBe(true);
    expect(segmentRuleSchema.safeParse(group({ type: 'tags', operator: 'has_any', tagIds: [1.5] })).success).toBe(false);
  });
});
