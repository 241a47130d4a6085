import { searchFilter, withSearch } from './subscriber-search';

describe('subscriber search', () => {
  it('matches the start of the address (stored lower-case), of either name, or an exact documentId', () => {
    expect(searchFilter('  Ada@Example ')).toEqual({
      $or: [
        { email: { $startsWith: 'ada@example' } },
        { firstName: { $startsWithi: 'Ada@Example' } },
        { lastName: { $startsWithi: 'Ada@Example' } },
        { documentId: { $eq: 'Ada@Example' } },
      ],
    });
  });

  it('reads two words as a first and a last name as well', () => {
    const filter = searchFilter('ada   lov') as { $or: unknown[] };
    expect(filter.$or).toContainEqual({ $and: [{ firstName: { $startsWithi: 'ada' } }, { lastName: { $startsWithi: 'lov' } }] });
    expect(filter.$or).toContainEqual({ email: { $startsWith: 'ada lov' } });
  });

  it('folds the search into existing filters and drops Strapi’s own search', () => {
    const params: { _q?: unknown; filters?: Record<string, unknown> } = { _q: 'ada', filters: { status: { $eq: 'active' } } };
    withSearch(params);
    expect(params._q).toBeUndefined();
    expect(params.filters).toEqual({ $and: [{ status: { $eq: 'active' } }, searchFilter('ada')] });
  });

  it('leaves a query without a search, or with a blank one, unfiltered', () => {
    const none: { _q?: unknown; filters?: Record<string, unknown> } = {};
    withSearch(none);
    expect(none).toEqual({});
    const blank: { _q?: unknown; filters?: Record<string, unknown> } = { _q: '   ' };
    withSearch(blank);
    expect(blank).toEqual({});
  });
});
