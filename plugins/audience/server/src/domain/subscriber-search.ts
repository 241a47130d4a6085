// The subscriber list's search box (`_q` from the Content Manager or REST) as filters that indexes
// answer on a million rows: the start of the address, of the first or last name ("ada lov" reads
// as first name "ada…" and last name "lov…"), or an exact documentId. Strapi's own search is
// ILIKE '%…%' over every text column, which reads the whole table (seconds at 1M).
type Filter = Record<string, unknown>;

export const searchFilter = (query: string): Filter | null => {
  const term = query.trim().replace(/\s+/g, ' ');
  if (!term) return null;
  const alternatives: Filter[] = [
    { email: { $startsWith: term.toLowerCase() } },
    { firstName: { $startsWithi: term } },
    { lastName: { $startsWithi: term } },
    { documentId: { $eq: term } },
  ];
  const space = term.indexOf(' ');
  if (space > 0) {
    alternatives.push({
      $and: [{ firstName: { $startsWithi: term.slice(0, space) } }, { lastName: { $startsWithi: term.slice(space + 1) } }],
    });
  }
  return { $or: alternatives };
};

// Folds a search into a query's own filters; the query keeps every filter it had.
export const withSearch = (params: { _q?: unknown; filters?: Filter }): void => {
  if (typeof params._q !== 'string') return;
  const search = searchFilter(params._q);
  delete params._q;
  if (search) params.filters = params.filters ? { $and: [params.filters, search] } : search;
};
