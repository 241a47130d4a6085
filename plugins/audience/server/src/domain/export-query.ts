// Which subscribers a CSV export covers, read from the query string. A segment stands alone; the
// other parameters narrow the whole list together (a tag, statuses, a creation range, an address search).
export type ExportFilter = {
  tag?: string;
  statuses?: string[];
  createdAfter?: Date;
  createdBefore?: Date;
  search?: string;
};
export type ExportSelection = { segment: string } | { filter: ExportFilter };
export type ParsedExport = { ok: true; selection: ExportSelection } | { ok: false; message: string };

const PARAMETERS = ['segment', 'tag', 'status', 'createdAfter', 'createdBefore', 'search'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

const refuse = (message: string): ParsedExport => ({ ok: false, message });

export const parseExportQuery = (query: Record<string, unknown>, statuses: readonly string[]): ParsedExport => {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (!PARAMETERS.includes(name)) return refuse(`unknown parameter ${name} (use ${PARAMETERS.join(', ')})`);
    if (typeof value !== 'string' || value.trim() === '') return refuse(`${name} must be given once, with a value`);
    values[name] = value.trim();
  }
  if (values.segment) {
    const others = Object.keys(values).filter((n) => n !== 'segment');
    if (others.length) return refuse(`segment cannot be combined with ${others.join(', ')}`);
    return { ok: true, selection: { segment: values.segment } };
  }
  const filter: ExportFilter = {};
  if (values.tag) filter.tag = values.tag;
  if (values.status) {
    filter.statuses = [...new Set(values.status.split(',').map((s) => s.trim()))];
    const unknown = filter.statuses.filter((s) => !statuses.includes(s));
    if (unknown.length) return refuse(`status must be one or more of ${statuses.join(', ')} (got ${unknown.join(', ')})`);
  }
  for (const name of ['createdAfter', 'createdBefore'] as const) {
    if (!values[name]) continue;
    const date = new Date(values[name]);
    if (!ISO_DATE.test(values[name]) || Number.isNaN(date.getTime())) return refuse(`${name} must be an ISO 8601 date or date-time`);
    filter[name] = date;
  }
  if (filter.createdAfter && filter.createdBefore && filter.createdAfter >= filter.createdBefore) {
    return refuse('createdAfter must be earlier than createdBefore');
  }
  if (values.search) {
    if (values.search.length > 254) return refuse('search must be at most 254 characters');
    filter.search = values.search.toLowerCase();
  }
  return { ok: true, selection: { filter } };
};
