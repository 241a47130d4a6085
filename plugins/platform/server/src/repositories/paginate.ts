import type { Knex } from 'knex';

export type Page = { page: number; pageSize: number };

// Newest first, with a total, for the admin list pages.
export const paginateNewestFirst = async <T>(base: Knex.QueryBuilder, { page, pageSize }: Page, columns: string[] = ['*']) => {
  const [{ count }] = await base.clone().clearSelect().count<Array<{ count: string }>>('* as count');
  const results: T[] = await base
    .clone()
    .select(columns)
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { results, pagination: { page, pageSize, total: Number(count) } };
};
