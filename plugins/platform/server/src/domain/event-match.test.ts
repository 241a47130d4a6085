import { matchesAny, matchesEventType, partitionOf } from './event-match';

describe('event patterns', () => {
  it('matches exact types, prefixes and everything', () => {
    expect(matchesEventType('subscriber.created', 'subscriber.created')).toBe(true);
    expect(matchesEventType('subscriber.*', 'subscriber.created')).toBe(true);
    expect(matchesEventType('subscriber.*', 'subscribers.created')).toBe(false);
    expect(matchesEventType('subscriber.created', 'subscriber.updated')).toBe(false);
    expect(matchesEventType('*', 'campaign.sent')).toBe(true);
    expect(matchesAny(['campaign.*', 'form.submitted'], 'form.submitted')).toBe(true);
    expect(matchesAny([], 'form.submitted')).toBe(false);
  });

  it('puts a subject in the same partition every time, spread over all partitions', () => {
    expect(partitionOf('subscriber:42', 16)).toBe(partitionOf('subscriber:42', 16));
    const seen = new Set(Array.from({ length: 2000 }, (_, i) => partitionOf(`subject-${i}`, 16)));
    expect(seen.size).toBe(16);
    for (const p of seen) expect(p >= 0 && p < 16).toBe(true);
  });
});
