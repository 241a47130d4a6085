import type { SegmentSource } from './source';
import { ident, table } from './sql';

const columns = (...names: string[]): string => names.map((name) => ident(null, name).text).join(', ');

const index = (tableName: string, suffix: string, keys: string, include?: string): string =>
  `CREATE INDEX IF NOT EXISTS ${ident(null, `${tableName.split('.').pop()}_${suffix}_idx`).text} ON ${table(tableName).text} (${keys})` +
  (include ? ` INCLUDE (${include})` : '');

// Indexes that keep compiled segments fast at a million subscribers and ten million events. A tag or
// engagement condition either reads one index range for all subscribers (joined or hashed) or probes
// one subscriber's rows, so both orders are indexed, index-only where INCLUDE allows. Custom fields
// are read from the row, so no JSONB indexes.
export const recommendedIndexes = (source: SegmentSource): string[] => {
  const { subscribers: s, tagLinks: t, engagement: e } = source;
  return [
    // has_any / has_all / has_none: the links of the chosen tags, or of one subscriber.
    index(t.table, 'segment_tag', columns(t.tagId, t.subscriberId)),
    index(t.table, 'segment_subscriber', columns(t.subscriberId, t.tagId)),
    // engagement with any campaign within a window of days.
    index(e.table, 'segment_kind_day', columns(e.kind, e.day, e.subscriberId), columns(e.count)),
    // engagement with one campaign.
    index(e.table, 'segment_campaign', columns(e.campaignId, e.kind, e.day), columns(e.subscriberId, e.count)),
    // one subscriber's engagement (probes per subscriber, membership checks).
    index(e.table, 'segment_subscriber', columns(e.subscriberId, e.kind, e.day), columns(e.campaignId, e.count)),
    // created before / after / within: a range on the timestamp.
    index(s.table, 'segment_created', columns(s.createdAt)),
    // status is / is not, selective for the rarer statuses.
    index(s.table, 'segment_status', columns(s.status)),
    // email is / starts with, compared in lower case.
    index(s.table, 'segment_email', `lower(${columns(s.email)}) text_pattern_ops`),
  ];
};
