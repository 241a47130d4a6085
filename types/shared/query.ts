// Query-string values every admin and REST handler reads the same way; a bad one is a BadQuery (400).
type Query = Record<string, unknown>;

export class BadQuery extends Error {}

// page (>= 1) and pageSize (1..100) from the query string; anything else is a 400.
export const pagingOf = (query: Query): { page: number; pageSize: number } => {
  const page = query.page === undefined ? 1 : Number(query.page);
  const pageSize = query.pageSize === undefined ? 25 : Number(query.pageSize);
  if (!Number.isInteger(page) || page < 1) throw new BadQuery('page must be a whole number from 1');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) throw new BadQuery('pageSize must be a whole number from 1 to 100');
  return { page, pageSize };
};

export const optionalString = (query: Query, name: string, allowed?: readonly string[]): string | undefined => {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new BadQuery(`${name} must be a single value`);
  if (allowed && !allowed.includes(value)) throw new BadQuery(`${name} must be one of ${allowed.join(', ')}`);
  return value;
};

export const idParam = (value: unknown): string => {
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,17}$/.test(value)) throw new BadQuery('id must be a positive whole number');
  return value;
};

// ?ids=a,b,c: the documents a list page shows, at most `max` of them.
export const idList = (query: Query, name = 'ids', max = 100): string[] => {
  const value = optionalString(query, name);
  const ids = value ? value.split(',').filter(Boolean) : [];
  if (ids.length > max) throw new BadQuery(`${name}: at most ${max} at once`);
  return ids;
};
