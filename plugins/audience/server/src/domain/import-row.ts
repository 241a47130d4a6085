import subscriberSchema from '../content-types/subscriber/schema.json';
import tagSchema from '../content-types/tag/schema.json';
import { coerceFieldValue, type FieldDefinition, type FieldValue } from './field-values';
import type { Mapping, PropertyTarget } from './import-mapping';
import { emailProblem, languageProblem, normalizeEmail, timeZoneProblem } from './subscriber-input';

// A valid CSV row on its way in: properties present only when the cell had a value (an empty cell
// never erases what a subscriber already has), custom fields already coerced, tags as written.
export type StagedRow = {
  row: number;
  email: string;
  firstName?: string;
  lastName?: string;
  status?: string;
  timeZone?: string;
  language?: string;
  fields: Record<string, FieldValue>;
  tags: string[];
};

export type RowProblem = { row: number; column: string; value: string; reason: string };

export type Column = { index: number; header: string; target: PropertyTarget } | { index: number; header: string; field: FieldDefinition };

// The mapping resolved against the custom fields, once per job rather than once per row.
export const compileColumns = (mapping: Mapping, headers: string[], definitions: FieldDefinition[]): Column[] =>
  mapping.flatMap<Column>((target, index) => {
    if (target === null) return [];
    const header = headers[index] ?? `column ${index + 1}`;
    if (!target.startsWith('fields.')) return [{ index, header, target: target as PropertyTarget }];
    const field = definitions.find((d) => `fields.${d.key}` === target);
    return field ? [{ index, header, field }] : [];
  });

const attributes = subscriberSchema.attributes;
const STATUSES: readonly string[] = attributes.status.enum;
const TAG_MAX = tagSchema.attributes.name.maxLength;
const lengthLimit = (max: number) => (value: string) => (value.length > max ? `must be at most ${max} characters` : null);

// Each property's check, with the same limits the Document Service enforces from the schema.
const PROPERTY_CHECKS: Record<Exclude<PropertyTarget, 'email' | 'tags'>, (value: string) => string | null> = {
  firstName: lengthLimit(attributes.firstName.maxLength),
  lastName: lengthLimit(attributes.lastName.maxLength),
  status: (value) => (STATUSES.includes(value) ? null : `must be one of ${STATUSES.join(', ')}`),
  timeZone: (value) => lengthLimit(attributes.timeZone.maxLength)(value) ?? timeZoneProblem(value),
  language: (value) => lengthLimit(attributes.language.maxLength)(value) ?? languageProblem(value),
};

// Several tags fit in one cell, separated by commas, semicolons or bars.
export const splitTags = (cell: string): string[] => [
  ...new Set(
    cell
      .split(/[,;|]/)
      .map((t) => t.trim())
      .filter(Boolean)
  ),
];

export type RowRules = { allowActive: boolean };

// One data row checked against the mapping. Cells are trimmed; a row of empty cells is blank (null);
// any problem rejects the whole row, and every problem is reported.
export const validateRow = (
  row: number,
  cells: string[],
  columns: Column[],
  width: number,
  rules: RowRules
): { staged: StagedRow } | { problems: RowProblem[] } | null => {
  const values = cells.map((c) => c.trim());
  if (values.every((v) => v === '')) return null;
  const problems: RowProblem[] = [];
  const problem = (column: string, value: string, reason: string) => problems.push({ row, column, value, reason });
  if (values.slice(width).some((v) => v !== '')) {
    problem('', values.slice(width).join(' '), `has ${values.length} cells but the header has ${width} columns`);
  }
  const staged: StagedRow = { row, email: '', fields: {}, tags: [] };
  for (const column of columns) {
    const value = values[column.index] ?? '';
    if ('field' in column) {
      const result = coerceFieldValue(column.field, value);
      if ('error' in result) problem(column.header, value, `${column.field.label} ${result.error}`);
      else if (result.value !== null) staged.fields[column.field.key] = result.value;
      continue;
    }
    const { target } = column;
    if (target === 'email') {
      const reason = emailProblem(value);
      if (reason) problem(column.header, value, `email ${reason}`);
      else staged.email = normalizeEmail(value);
    } else if (target === 'tags') {
      staged.tags = splitTags(value);
      const long = staged.tags.find((t) => t.length > TAG_MAX);
      if (long) problem(column.header, value, `tag names must be at most ${TAG_MAX} characters`);
    } else if (value !== '') {
      const normalised = target === 'status' ? value.toLowerCase() : value;
      const reason = PROPERTY_CHECKS[target](normalised);
      if (reason) problem(column.header, value, `${target} ${reason}`);
      else if (target === 'status' && normalised === 'active' && !rules.allowActive) {
        problem(column.header, value, 'status active needs a consent basis, and this import has none');
      } else staged[target] = normalised;
    }
  }
  return problems.length ? { problems } : { staged };
};

// Two rows of one file for the same address become one: the later row's values win where it has
// them (it is further down, so presumably newer), custom fields merge, tags add up.
export const mergeRows = (earlier: StagedRow, later: StagedRow): StagedRow => ({
  row: earlier.row,
  email: earlier.email,
  firstName: later.firstName ?? earlier.firstName,
  lastName: later.lastName ?? earlier.lastName,
  status: later.status ?? earlier.status,
  timeZone: later.timeZone ?? earlier.timeZone,
  language: later.language ?? earlier.language,
  fields: { ...earlier.fields, ...later.fields },
  tags: [...new Set([...earlier.tags, ...later.tags])],
});
