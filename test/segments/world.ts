import { addDays, utcDay } from '../../plugins/segments/server/src/domain/days';
import type { FieldDefinitions } from '../../plugins/segments/server/src/domain/rules';
import type { SegmentSource } from '../../plugins/segments/server/src/domain/source';

// The fixed world both the data and the random rules draw from, so conditions often match.
export const NOW = new Date('2025-02-26T18:45:00Z'); // 28 February 2025 (not a leap year) is two days on
export const TODAY = utcDay(NOW);

// Schema-qualified tables and names that need quoting, to prove identifiers are quoted everywhere.
export const source: SegmentSource = {
  subscribers: {
    table: 'audience.subscribers',
    id: 'id',
    email: 'email',
    status: 'status',
    createdAt: 'created_at',
    timeZone: 'timeZone',
    fields: 'custom fields',
  },
  tagLinks: { table: 'audience.subscriber tags', subscriberId: 'subscriber_id', tagId: 'tag_id' },
  engagement: {
    table: 'audience.engagement_daily',
    subscriberId: 'subscriber_id',
    campaignId: 'campaign_id',
    kind: 'kind',
    day: 'day',
    count: 'count',
  },
};

export const fields: FieldDefinitions = {
  nickname: { type: 'text' },
  plan: { type: 'select' },
  interests: { type: 'multiselect' },
  score: { type: 'number' },
  birthday: { type: 'date' },
  renewal: { type: 'date' },
  vip: { type: 'boolean' },
};

export const TEXTS = ['Ann', 'ann', 'ANNA', 'bob', 'Bobby', '50% off', '50_off', 'back\\slash', "x'); DROP TABLE s; --", 'o_o', ''];
export const TEXT_PROBES = ['ann', 'AN', 'b', '50%', '50_', '%', '_', '\\', "'", 'DROP', 'o', 'x'];
export const PLANS = ['gold', 'Gold', 'silver', 'bronze'];
export const INTERESTS = ['news', 'Sports', 'tech', 'travel'];
export const INTEREST_PROBES = ['news', 'SPORTS', 'tech', 'travel', 'cooking', '7']; // '7' must not match the number 7
export const TIME_ZONES = ['Europe/Paris', 'europe/paris', 'America/New_York', 'UTC', ''];
export const EMAIL_PROBES = ['ann', 'BOB', '@example', 'example.com', '_', '%', 'x.io', 'z'];
export const TAG_IDS = [1, 2, 3, 4, 5, 6, 7]; // 7 is never assigned
export const CAMPAIGN_IDS = ['c1', 'c2', 'c3', 'c4', 'c5']; // 5 is never engaged with

// Days near today, anniversaries close to it, leap days and the edges of windows.
export const DAYS: readonly string[] = [
  ...Array.from({ length: 70 }, (_, i) => addDays(TODAY, i - 50)),
  ...Array.from({ length: 10 }, (_, i) => `19${60 + i * 4}-${addDays(TODAY, i - 3).slice(5)}`),
  ...['2000-02-29', '1996-02-29', '2024-02-29', '1999-02-28', '1988-03-01'].flatMap((day) => [day, day, day]),
];
