import { matches } from './evaluate';
import type { FieldDefinitions, SegmentRules } from './rules';
import type { SubscriberFacts } from './subscriber';

// What the rules mean, pinned on examples; the differential test shows SQL means the same.
const fields: FieldDefinitions = {
  nickname: { type: 'text' },
  score: { type: 'number' },
  birthday: { type: 'date' },
  interests: { type: 'multiselect' },
};
const now = new Date('2025-02-26T18:45:00Z');

const subscriber = (facts: Partial<SubscriberFacts> = {}): SubscriberFacts => ({
  id: 1,
  email: 'Ann@Example.com',
  status: 'active',
  createdAt: new Date('2025-01-01T12:00:00Z'),
  timeZone: null,
  fields: {},
  tagIds: [],
  engagement: [],
  ...facts,
});

const match = (rules: SegmentRules, facts: Partial<SubscriberFacts> = {}, at = now) =>
  matches(rules, subscriber(facts), { fields, now: at });
const field = (name: string, operator: string, value?: unknown): SegmentRules => ({ type: 'field', field: name, operator, value });
const none = (...children: SegmentRules[]): SegmentRules => ({ type: 'group', match: 'none', children });

describe('a missing value', () => {
  it.each([
    ['is', 'x'],
    ['is_not', 'x'],
    ['contains', 'x'],
    ['not_contains', 'x'],
    ['starts_with', 'x'],
    ['is_not_empty', undefined],
  ])('does not match text %s', (operator, value) => {
    expect(match(field('nickname', operator, value))).toBe(false);
    expect(match(field('nickname', operator, value), { fields: { nickname: null } })).toBe(false);
  });

  it('matches is_empty, like an empty string, and a value of the wrong type counts as missing', () => {
    expect(match(field('nickname', 'is_empty'))).toBe(true);
    expect(match(field('nickname', 'is_empty'), { fields: { nickname: '' } })).toBe(true);
    expect(match(field('nickname', 'is_empty'), { fields: { nickname: 42 } })).toBe(true);
    expect(match(field('score', 'gte', 0), { fields: { score: '12' } })).toBe(false);
  });

  it('matches no number comparison, so "none of: score <> 5" keeps subscribers without a score', () => {
    for (const operator of ['eq', 'neq', 'lt', 'gt']) expect(match(field('score', operator, 5))).toBe(false);
    expect(match(none(field('score', 'neq', 5)))).toBe(true);
  });
});

describe('text', () => {
  it('compares case-insensitively and takes LIKE wildcards literally', () => {
    expect(match({ type: 'email', operator: 'is', value: 'ann@example.COM' })).toBe(true);
    expect(match({ type: 'email', operator: 'starts_with', value: 'ANN@' })).toBe(true);
    expect(match({ type: 'email', operator: 'contains', value: '%' })).toBe(false);
    expect(match(field('nickname', 'contains', '50%'), { fields: { nickname: '50% off' } })).toBe(true);
    expect(match(field('nickname', 'contains', '5_%'), { fields: { nickname: '50% off' } })).toBe(false);
  });
});

describe('days (today is 2025-02-26, UTC)', () => {
  const on = (birthday: string) => ({ fields: { birthday } });

  it('within_last_days N covers the last N calendar days, today included', () => {
    expect(match(field('birthday', 'within_last_days', 30), on('2025-01-28'))).toBe(true);
    expect(match(field('birthday', 'within_last_days', 30), on('2025-01-27'))).toBe(false);
    expect(match(field('birthday', 'within_last_days', 30), on('2025-02-27'))).toBe(false);
    expect(match(field('birthday', 'within_last_days', 0), on('2025-02-26'))).toBe(false);
  });

  it('within_next_days N covers today and the N - 1 days after it', () => {
    expect(match(field('birthday', 'within_next_days', 7), on('2025-02-26'))).toBe(true);
    expect(match(field('birthday', 'within_next_days', 7), on('2025-03-04'))).toBe(true);
    expect(match(field('birthday', 'within_next_days', 7), on('2025-03-05'))).toBe(false);
  });

  it('more_than_days_ago, before, after and on compare whole days', () => {
    expect(match(field('birthday', 'more_than_days_ago', 3), on('2025-02-22'))).toBe(true);
    expect(match(field('birthday', 'more_than_days_ago', 3), on('2025-02-23'))).toBe(false);
    expect(match(field('birthday', 'before', '2025-02-23'), on('2025-02-22'))).toBe(true);
    expect(match(field('birthday', 'before', '2025-02-23'), on('2025-02-23'))).toBe(false);
    expect(match(field('birthday', 'after', '2025-02-23'), on('2025-02-23'))).toBe(false);
    expect(match(field('birthday', 'after', '2025-02-23'), on('2025-02-24'))).toBe(true);
  });

  it('reads the creation time as a UTC day', () => {
    expect(match({ type: 'created', operator: 'on', value: '2025-02-25' }, { createdAt: new Date('2025-02-25T23:59:59.999Z') })).toBe(true);
    expect(match({ type: 'created', operator: 'on', value: '2025-02-25' }, { createdAt: new Date('2025-02-26T00:00:00Z') })).toBe(false);
    expect(match({ type: 'created', operator: 'within_last_days', value: 1 }, { createdAt: new Date('2025-02-26T00:00:00Z') })).toBe(true);
  });

  it('keeps 29 February anniversaries on the 28th in non-leap years', () => {
    expect(match(field('birthday', 'anniversary_in_days', 2), on('2000-02-29'))).toBe(true);
    expect(match(field('birthday', 'anniversary_in_days', 2), on('1990-02-28'))).toBe(true);
    expect(match(field('birthday', 'anniversary_in_days', 3), on('2000-02-29'))).toBe(false);
    expect(match(field('birthday', 'anniversary_in_days', 3), on('1990-03-01'))).toBe(true);
    const leapYear = new Date('2024-02-26T12:00:00Z');
    expect(match(field('birthday', 'anniversary_in_days', 2), on('2000-02-29'), leapYear)).toBe(false);
    expect(match(field('birthday', 'anniversary_in_days', 3), on('2000-02-29'), leapYear)).toBe(true);
  });
});

describe('multiselect', () => {
  const interests = { fields: { interests: ['News', 'tech', 7] } };

  it('has_any / has_all / has_none over string options, case-insensitively', () => {
    expect(match(field('interests', 'has_any', ['news', 'golf']), interests)).toBe(true);
    expect(match(field('interests', 'has_all', ['news', 'TECH']), interests)).toBe(true);
    expect(match(field('interests', 'has_all', ['news', 'golf']), interests)).toBe(false);
    expect(match(field('interests', 'has_any', ['7']), interests)).toBe(false);
    expect(match(field('interests', 'has_none', ['golf']), interests)).toBe(true);
    expect(match(field('interests', 'has_none', ['golf']))).toBe(false);
    expect(match(field('interests', 'is_empty'), { fields: { interests: [] } })).toBe(true);
  });
});

describe('tags and engagement', () => {
  it('has_any / has_all / has_none over tag ids', () => {
    expect(match({ type: 'tags', operator: 'has_all', tagIds: [1, 2] }, { tagIds: [2, 1, 5] })).toBe(true);
    expect(match({ type: 'tags', operator: 'has_all', tagIds: [1, 3] }, { tagIds: [2, 1, 5] })).toBe(false);
    expect(match({ type: 'tags', operator: 'has_any', tagIds: [3, 5] }, { tagIds: [2, 1, 5] })).toBe(true);
    expect(match({ type: 'tags', operator: 'has_none', tagIds: [3] })).toBe(true);
  });

  const engagement: SubscriberFacts['engagement'] = [
    { campaignId: 'c1', kind: 'opened', day: '2025-02-26', count: 1 },
    { campaignId: 'c2', kind: 'opened', day: '2025-01-28', count: 1 },
    { campaignId: 'c2', kind: 'opened', day: '2025-01-27', count: 5 },
    { campaignId: 'c2', kind: 'clicked', day: '2025-02-20', count: 3 },
  ];

  it('sums counts over campaigns and the days of the window', () => {
    expect(match({ type: 'engagement', action: 'opened', minCount: 2, withinDays: 30 }, { engagement })).toBe(true);
    expect(match({ type: 'engagement', action: 'opened', minCount: 3, withinDays: 30 }, { engagement })).toBe(false);
    expect(match({ type: 'engagement', action: 'opened', minCount: 7 }, { engagement })).toBe(true);
    expect(match({ type: 'engagement', action: 'opened', campaignId: 'c1', minCount: 2 }, { engagement })).toBe(false);
    expect(match({ type: 'engagement', action: 'received' }, { engagement })).toBe(false);
  });

  it('negate means "did not", which includes subscribers with no engagement at all', () => {
    expect(match({ type: 'engagement', action: 'clicked', negate: true, withinDays: 3 }, { engagement })).toBe(true);
    expect(match({ type: 'engagement', action: 'clicked', negate: true }, { engagement })).toBe(false);
    expect(match({ type: 'engagement', action: 'clicked', negate: true })).toBe(true);
  });
});
