// page (>= 1) and pageSize (1..100) from the query string, or null when they are not.
export const paging = (query: Record<string, unknown>) => {
  const page = Number(query.page ?? 1);
  const pageSize = Number(query.pageSize ?? 25);
  return Number.isInteger(page) && page >= 1 && Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 100 ? { page, pageSize } : null;
};

export const PAGING_RULE = 'page must be 1 or more and pageSize from 1 to 100';
