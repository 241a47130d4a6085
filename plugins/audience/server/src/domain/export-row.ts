import type { FieldDefinition } from './field-values';
import { spreadsheetSafe } from './spreadsheet-safe';

// A subscriber as the export reads it: tag names in the subscriber's own order.
export type ExportedSubscriber = {
  email: string;
  firstName: string | null;
  lastName: string | null;
  status: string;
  source: string | null;
  timeZone: string | null;
  language: string | null;
  createdAt: Date | string;
  updatedAt: Date | string;
  tags: string[];
  fields: Record<string, unknown>;
};

const FIXED = ['email', 'first name', 'last name', 'status', 'source', 'time zone', 'language', 'created', 'updated', 'tags'];
// The separator the import splits tags and multiselect values on, so an export can be imported back.
const LIST_SEPARATOR = '; ';

export const exportHeader = (definitions: FieldDefinition[]): string[] => [...FIXED, ...definitions.map((d) => d.key)].map(spreadsheetSafe);

const text = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(text).join(LIST_SEPARATOR);
  return String(value);
};

// One CSV record; every cell neutralised, since a subscriber typed most of them.
export const exportRow = (s: ExportedSubscriber, definitions: FieldDefinition[]): string[] =>
  [
    s.email,
    s.firstName,
    s.lastName,
    s.status,
    s.source,
    s.timeZone,
    s.language,
    new Date(s.createdAt),
    new Date(s.updatedAt),
    s.tags,
    ...definitions.map((d) => s.fields[d.key]),
  ].map((v) => spreadsheetSafe(text(v)));
