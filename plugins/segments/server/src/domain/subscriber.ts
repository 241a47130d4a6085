export type EngagementKind = 'received' | 'opened' | 'clicked';

// What the in-memory evaluator knows about one subscriber: the same facts the SQL reads.
export interface SubscriberFacts {
  id: number | string;
  email: string;
  status: string;
  createdAt: Date;
  timeZone: string | null;
  fields: Record<string, unknown>;
  tagIds: number[];
  engagement: Array<{ campaignId: string; kind: EngagementKind; day: string; count: number }>;
}
