export type FieldType = 'text' | 'number' | 'date' | 'boolean' | 'select' | 'multiselect';

export interface FieldDefinition {
  key: string;
  label: string;
  type: FieldType;
  required: boolean;
  options?: string[] | null;
  defaultValue?: unknown;
}

export type FieldValue = string | number | boolean | string[] | null;
export type FieldProblem = { key: string; message: string };

const MAX_TEXT = 2000;

// Plain arithmetic rather than a date library: imports check a million of these.
const isCalendarDate = (year: number, month: number, day: number): boolean => {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
};

// Turns one raw value (from JSON, a form or a CSV cell) into the stored form, or says why not.
// Stored forms: text and select as strings, number as a finite number, date as 'YYYY-MM-DD',
// boolean as true/false, multiselect as a list of option strings. Empty input means "no value".
export const coerceFieldValue = (def: FieldDefinition, raw: unknown): { value: FieldValue } | { error: string } => {
  if (raw === null || raw === undefined || raw === '') return { value: null };
  switch (def.type) {
    case 'text': {
      if (typeof raw !== 'string' && typeof raw !== 'number') return { error: 'must be text' };
      const text = String(raw);
      return text.length > MAX_TEXT ? { error: `must be at most ${MAX_TEXT} characters` } : { value: text };
    }
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : NaN;
      return Number.isFinite(n) ? { value: n } : { error: `must be a number (got ${JSON.stringify(raw)})` };
    }
    case 'date': {
      const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw).trim();
      const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
      return match && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))
        ? { value: match[0] }
        : { error: `must be a date as YYYY-MM-DD (got ${JSON.stringify(raw)})` };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw };
      const text = String(raw).trim().toLowerCase();
      if (['true', 'yes', '1', 'y', 'on'].includes(text)) return { value: true };
      if (['false', 'no', '0', 'n', 'off'].includes(text)) return { value: false };
      return { error: `must be true or false (got ${JSON.stringify(raw)})` };
    }
    case 'select': {
      const text = String(raw);
      return (def.options ?? []).includes(text) ? { value: text } : { error: `must be one of ${(def.options ?? []).join(', ')}` };
    }
    case 'multiselect': {
      const list = Array.isArray(raw)
        ? raw.map(String)
        : String(raw)
            .split(/[;,|]/)
            .map((s) => s.trim())
            .filter(Boolean);
      const unknown = list.filter((v) => !(def.options ?? []).includes(v));
      return unknown.length ? { error: `has values that are not options: ${unknown.join(', ')}` } : { value: [...new Set(list)] };
    }
  }
};

// Validates a set of values against the definitions. On create, required fields must be present
// (after defaults); on update only the given keys are checked and merged over the current ones.
export const validateFieldValues = (
  definitions: FieldDefinition[],
  input: Record<string, unknown>,
  { creating, current = {} }: { creating: boolean; current?: Record<string, FieldValue> }
): { values: Record<string, FieldValue>; problems: FieldProblem[] } => {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const problems: FieldProblem[] = [];
  const values: Record<string, FieldValue> = { ...current };
  for (const [key, raw] of Object.entries(input)) {
    const def = byKey.get(key);
    if (!def) {
      problems.push({ key, message: `is not a custom field (known: ${[...byKey.keys()].join(', ') || 'none'})` });
      continue;
    }
    const result = coerceFieldValue(def, raw);
    if ('error' in result) problems.push({ key, message: result.error });
    else if (result.value === null) delete values[key];
    else values[key] = result.value;
  }
  for (const def of definitions) {
    if (creating && values[def.key] === undefined && def.defaultValue !== undefined && def.defaultValue !== null) {
      const result = coerceFieldValue(def, def.defaultValue);
      if ('value' in result && result.value !== null) values[def.key] = result.value;
    }
    const touched = creating || def.key in input;
    if (def.required && touched && (values[def.key] === undefined || values[def.key] === null)) {
      problems.push({ key: def.key, message: 'is required' });
    }
  }
  return { values, problems };
};
