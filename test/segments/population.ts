import { SUBSCRIBER_STATUSES } from '../../plugins/segments/server/src/domain/operators/status';
import { addDays } from '../../plugins/segments/server/src/domain/days';
import type { EngagementKind, SubscriberFacts } from '../../plugins/segments/server/src/domain/subscriber';
import type { Random } from './prng';
import { CAMPAIGN_IDS, INTERESTS, NOW, PLANS, TAG_IDS, TEXTS, TIME_ZONES, TODAY, DAYS } from './world';

export interface Population {
  subscribers: Array<SubscriberFacts & { fieldsColumn: Record<string, unknown> | null }>;
  tagLinks: Array<{ subscriber_id: number | null; tag_id: number }>;
  engagement: Array<{ subscriber_id: number | null; campaign_id: string; kind: EngagementKind; day: string; count: number }>;
}

const DAY_MS = 86_400_000;
const KINDS: EngagementKind[] = ['received', 'opened', 'clicked'];

// A field value as real data holds it: usually right, sometimes missing, JSON null or the wrong type.
const fieldValue = (random: Random, right: () => unknown, wrong: unknown): { value?: unknown } => {
  const roll = random.next();
  if (roll < 0.2) return {};
  if (roll < 0.25) return { value: null };
  if (roll < 0.3) return { value: wrong };
  return { value: right() };
};

const customFields = (random: Random): Record<string, unknown> => {
  const values: Record<string, { value?: unknown }> = {
    nickname: fieldValue(random, () => random.pick(TEXTS), 42),
    plan: fieldValue(random, () => random.pick(PLANS), true),
    interests: fieldValue(random, () => (random.chance(0.1) ? [...random.subset(INTERESTS), 7] : random.subset(INTERESTS)), 'news'),
    score: fieldValue(random, () => (random.chance(0.3) ? random.int(-10, 40) / 2 : random.int(-5, 20)), '12'),
    birthday: fieldValue(random, () => random.pick(DAYS), random.pick(['not a date', '2024-13-45', '2024-2-1'])),
    renewal: fieldValue(random, () => random.pick(DAYS), 20250301),
    vip: fieldValue(random, () => random.chance(0.5), 'true'),
  };
  return Object.fromEntries(Object.entries(values).flatMap(([key, v]) => ('value' in v ? [[key, v.value]] : [])));
};

// Creation times in the last 400 days, some exactly at UTC midnight (the edge of every day window).
const createdAt = (random: Random): Date => {
  const ms = NOW.getTime() - random.int(0, 400 * DAY_MS);
  return new Date(random.chance(0.15) ? ms - (ms % DAY_MS) : ms);
};

export const randomPopulation = (random: Random, size: number): Population => {
  const subscribers: Population['subscribers'] = [];
  const engagement = new Map<string, Population['engagement'][number]>();
  let id = 0;
  for (let i = 0; i < size; i++) {
    id += random.int(1, 4); // gaps, as deletes leave them, for keyset paging
    const fieldsColumn = random.chance(0.03) ? null : customFields(random);
    const tagIds = random.subset(TAG_IDS.slice(0, -1));
    const rows = Array.from({ length: random.int(0, 6) }, () => ({
      subscriber_id: id,
      campaign_id: random.pick(CAMPAIGN_IDS.slice(0, -1)),
      kind: random.pick(KINDS),
      day: addDays(TODAY, random.chance(0.05) ? 1 : -random.int(0, 60)),
      count: random.int(1, 3),
    }));
    for (const row of rows) {
      const key = `${row.subscriber_id}/${row.campaign_id}/${row.kind}/${row.day}`;
      const merged = engagement.get(key);
      engagement.set(key, merged ? { ...merged, count: merged.count + row.count } : row);
    }
    subscribers.push({
      id,
      email: `${random.pick(['ann', 'Ann.B', 'bob', 'BOB_1', 'o%o', 'zed'])}${i}@${random.pick(['example.com', 'Example.COM', 'x.io'])}`,
      status: random.pick(SUBSCRIBER_STATUSES),
      createdAt: createdAt(random),
      timeZone: random.chance(0.2) ? null : random.pick(TIME_ZONES),
      fields: fieldsColumn ?? {},
      fieldsColumn,
      tagIds,
      engagement: [],
    });
  }
  const engagementRows = [...engagement.values()];
  for (const s of subscribers) {
    s.engagement = engagementRows
      .filter((row) => row.subscriber_id === s.id)
      .map((row) => ({ campaignId: row.campaign_id, kind: row.kind, day: row.day, count: row.count }));
  }
  // Link-table rows with no subscriber (as Strapi link tables allow) must not disturb IN (...).
  const orphans = [
    { subscriber_id: null, tag_id: 1 },
    { subscriber_id: null, tag_id: 2 },
  ];
  const orphanEngagement = KINDS.map((kind) => ({ subscriber_id: null, campaign_id: 'c1', kind, day: TODAY, count: 5 }));
  return {
    subscribers,
    tagLinks: [...subscribers.flatMap((s) => s.tagIds.map((tag_id) => ({ subscriber_id: Number(s.id), tag_id }))), ...orphans],
    engagement: [...engagementRows, ...orphanEngagement],
  };
};
