import { parseTaggingRequest } from './tagging-request';

describe('parseTaggingRequest', () => {
  it('reads a list of subscribers, trimming and deduplicating', () => {
    expect(parseTaggingRequest({ action: 'add', tags: [' VIP ', 'VIP'], target: { documentIds: ['a', 'b', 'a'] } })).toEqual({
      ok: true,
      request: { action: 'add', tags: ['VIP'], target: { documentIds: ['a', 'b'] } },
    });
  });

  it('reads a segment', () => {
    expect(parseTaggingRequest({ action: 'remove', tags: ['x'], target: { segment: 'seg' } })).toEqual({
      ok: true,
      request: { action: 'remove', tags: ['x'], target: { segment: 'seg' } },
    });
  });

  it.each([
    [null, /body must be a JSON object/],
    [{ action: 'toggle', tags: ['x'], target: { segment: 's' } }, /action must be "add" or "remove"/],
    [{ action: 'add', tags: [], target: { segment: 's' } }, /tags must be a list of 1 to 100/],
    [{ action: 'add', tags: ['x'] }, /target must be/],
    [{ action: 'add', tags: ['x'], target: { segment: 's', documentIds: ['a'] } }, /not both/],
    [{ action: 'add', tags: ['x'], target: { documentIds: [] } }, /target.documentIds must be a list/],
    [{ action: 'add', tags: ['x'], target: { segment: 7 } }, /target.segment must be a segment documentId/],
  ])('refuses %j', (body, message) => {
    const parsed = parseTaggingRequest(body);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });
});
