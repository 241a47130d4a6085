import { parseExportQuery } from './export-query';

const STATUSES = ['active', 'unsubscribed'];

describe('parseExportQuery', () => {
  it('reads no parameters as the whole list', () => {
    expect(parseExportQuery({}, STATUSES)).toEqual({ ok: true, selection: { filter: {} } });
  });

  it('reads a filter of tag, statuses, creation range and search', () => {
    expect(
      parseExportQuery(
        { tag: 'VIP', status: 'active,unsubscribed', createdAfter: '2026-01-01', createdBefore: '2026-02-01T00:00:00Z', search: 'ACME' },
        STATUSES
      )
    ).toEqual({
      ok: true,
      selection: {
        filter: {
          tag: 'VIP',
          statuses: ['active', 'unsubscribed'],
          createdAfter: new Date('2026-01-01'),
          createdBefore: new Date('2026-02-01T00:00:00Z'),
          search: 'acme',
        },
      },
    });
  });

  it('reads a segment alone', () => {
    expect(parseExportQuery({ segment: 'abc' }, STATUSES)).toEqual({ ok: true, selection: { segment: 'abc' } });
  });

  it.each([
    [{ colour: 'red' }, /unknown parameter colour/],
    [{ segment: 'abc', tag: 'VIP' }, /segment cannot be combined with tag/],
    [{ status: 'gone' }, /status must be one or more of active, unsubscribed \(got gone\)/],
    [{ createdAfter: 'yesterday' }, /createdAfter must be an ISO 8601 date/],
    [{ createdAfter: '2026-02-01', createdBefore: '2026-01-01' }, /createdAfter must be earlier than createdBefore/],
    [{ tag: ['a', 'b'] }, /tag must be given once/],
    [{ search: '' }, /search must be given once, with a value/],
  ])('refuses %j naming the parameter', (query, message) => {
    const parsed = parseExportQuery(query, STATUSES);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(message);
  });
});
