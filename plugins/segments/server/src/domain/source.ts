import { ident, type Sql } from './sql';

// Where segment queries read from. Names here are trusted (they come from code, never from rules)
// and are always quoted.
export interface SegmentSource {
  subscribers: {
    table: string;
    id: string;
    email: string;
    status: string;
    createdAt: string;
    timeZone: string;
    // jsonb of custom field values keyed by field key: dates as 'YYYY-MM-DD' strings, numbers as JSON
    // numbers, booleans as JSON booleans, multiselect as JSON arrays of strings.
    fields: string;
  };
  tagLinks: { table: string; subscriberId: string; tagId: string };
  // A daily rollup: one row per subscriber, campaign, kind ('received' | 'opened' | 'clicked') and day,
  // with a positive count.
  engagement: { table: string; subscriberId: string; campaignId: string; kind: string; day: string; count: string };
}

// Compiled conditions refer to the subscribers table as `s`.
export const SUBSCRIBERS_ALIAS = 's';

export const subscriberColumn = (source: SegmentSource, column: Exclude<keyof SegmentSource['subscribers'], 'table'>): Sql =>
  ident(SUBSCRIBERS_ALIAS, source.subscribers[column]);
