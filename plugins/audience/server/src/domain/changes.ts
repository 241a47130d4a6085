import type { HeraldEventMap } from '../../../../../types/shared/events';

// Which tracked properties differ between two versions of a subscriber, for events and the timeline.
export const TRACKED = ['email', 'firstName', 'lastName', 'status', 'timeZone', 'language', 'source'] as const;

type Snapshot = Record<string, unknown> & { fields?: Record<string, unknown> | null; tagIds?: number[] };

export const changedProperties = (before: Snapshot, after: Snapshot): string[] => {
  const changed: string[] = TRACKED.filter((k) => (before[k] ?? null) !== (after[k] ?? null));
  const keys = new Set([...Object.keys(before.fields ?? {}), ...Object.keys(after.fields ?? {})]);
  for (const key of keys) {
    if (JSON.stringify(before.fields?.[key] ?? null) !== JSON.stringify(after.fields?.[key] ?? null)) changed.push(`fields.${key}`);
  }
  return changed;
};

export const tagDifference = (before: number[], after: number[]) => ({
  added: after.filter((t) => !before.includes(t)),
  removed: before.filter((t) => !after.includes(t)),
});

// A subscriber as events see it: its tracked properties, custom fields and tag ids.
export type SubscriberSnapshot = Snapshot & { documentId: string; email: string; status: string; source?: unknown; tagIds: number[] };

type SubscriberEventType = Extract<keyof HeraldEventMap, `subscriber.${string}`>;
export type SubscriberEvent = { [T in SubscriberEventType]: { type: T; payload: HeraldEventMap[T]; subject: string } }[SubscriberEventType];
export type TimelineEntry = { type: string; data: Record<string, unknown> };

// The events and timeline entries one write causes, whoever made it (Document Service or import),
// so every door into the list reports changes the same way. before = null: created; after = null: deleted.
export const describeChange = (
  before: SubscriberSnapshot | null,
  after: SubscriberSnapshot | null
): { events: SubscriberEvent[]; timeline: TimelineEntry[] } => {
  const documentId = (after ?? before)!.documentId;
  const subject = `subscriber:${documentId}`;
  const events: SubscriberEvent[] = [];
  const timeline: TimelineEntry[] = [];

  const { added, removed } = tagDifference(before?.tagIds ?? [], after?.tagIds ?? []);
  // A subscriber created with tags is one event and one entry carrying them: "tagged" is for later additions.
  if (!before && after) {
    const source = after.source === null || after.source === undefined ? undefined : String(after.source);
    events.push({
      type: 'subscriber.created',
      payload: { subscriberId: documentId, email: after.email, source, tags: added.map(String) },
      subject,
    });
    timeline.push({ type: 'created', data: { source: after.source, status: after.status, tagIds: added } });
  }
  if (before && after) {
    const changed = changedProperties(before, after);
    if (changed.length) {
      events.push({ type: 'subscriber.updated', payload: { subscriberId: documentId, changed }, subject });
      timeline.push({ type: 'updated', data: { changed } });
    }
    if (before.status !== after.status) {
      if (after.status === 'unsubscribed') events.push({ type: 'subscriber.unsubscribed', payload: { subscriberId: documentId }, subject });
      if (before.status === 'unconfirmed' && after.status === 'active')
        events.push({ type: 'subscriber.confirmed', payload: { subscriberId: documentId }, subject });
    }
  }
  if (added.length && before) {
    events.push({ type: 'subscriber.tagged', payload: { subscriberId: documentId, tags: added.map(String) }, subject });
    timeline.push({ type: 'tagged', data: { tagIds: added } });
  }
  if (removed.length && after) {
    events.push({ type: 'subscriber.untagged', payload: { subscriberId: documentId, tags: removed.map(String) }, subject });
    timeline.push({ type: 'untagged', data: { tagIds: removed } });
  }
  return { events, timeline: after ? timeline : [] };
};
