import { coerceFieldValue, type FieldDefinition, type FieldType } from './field-values';

// A form's shape as marketers write it. `fields` is wrapped in an object because Strapi 5 mishandles
// a JSON attribute whose top level is an array.
export type FormFieldChoice = { key: string; required?: boolean };
export type FormInput = {
  name?: unknown;
  fields?: unknown;
  hiddenFields?: unknown;
  doubleOptIn?: unknown;
  consentText?: unknown;
  successMessage?: unknown;
  redirectUrl?: unknown;
};
export type FormProblem = { path: string[]; message: string };

// What a form shows, built-in name fields included, as pages and the embed script render it.
export type PublicField = { key: string; label: string; type: FieldType; required: boolean; options: string[]; custom: boolean };

const BUILT_IN: Record<string, { label: string }> = { firstName: { label: 'First name' }, lastName: { label: 'Last name' } };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const fieldProblems = (fields: unknown, byKey: Map<string, FieldDefinition>): FormProblem[] => {
  if (fields === null || fields === undefined) return [];
  if (!isObject(fields) || !Array.isArray(fields.items))
    return [{ path: ['fields'], message: 'must be an object { items: [{ key, required }] }' }];
  const problems: FormProblem[] = [];
  const seen = new Set<string>();
  fields.items.forEach((item: unknown, i: number) => {
    const path = ['fields', 'items', String(i)];
    if (!isObject(item) || typeof item.key !== 'string') return problems.push({ path, message: 'must be an object with a key' });
    if (!BUILT_IN[item.key] && !byKey.has(item.key))
      problems.push({ path: [...path, 'key'], message: `"${item.key}" is not firstName, lastName or a custom field` });
    if (seen.has(item.key)) problems.push({ path: [...path, 'key'], message: `"${item.key}" is listed twice` });
    if (item.required !== undefined && typeof item.required !== 'boolean')
      problems.push({ path: [...path, 'required'], message: 'must be true or false' });
    seen.add(item.key);
  });
  return problems;
};

const hiddenProblems = (hidden: unknown, byKey: Map<string, FieldDefinition>): FormProblem[] => {
  if (hidden === null || hidden === undefined) return [];
  if (!isObject(hidden)) return [{ path: ['hiddenFields'], message: 'must be an object of custom field values' }];
  return Object.entries(hidden).flatMap(([key, value]) => {
    const def = byKey.get(key);
    if (!def) return [{ path: ['hiddenFields', key], message: 'is not a custom field' }];
    const result = coerceFieldValue(def, value);
    return 'error' in result ? [{ path: ['hiddenFields', key], message: result.error }] : [];
  });
};

const hasDefault = (def: FieldDefinition) => def.defaultValue !== undefined && def.defaultValue !== null && def.defaultValue !== '';

const urlProblem = (url: unknown): string | null => {
  if (url === null || url === undefined || url === '') return null;
  try {
    return ['http:', 'https:'].includes(new URL(String(url)).protocol) ? null : 'must be an http or https URL';
  } catch {
    return `must be an absolute URL (got ${JSON.stringify(url)})`;
  }
};

// Problems with a whole form (current values merged with the write), each naming its attribute.
export const formProblems = (form: FormInput, definitions: FieldDefinition[]): FormProblem[] => {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const problems: FormProblem[] = [];
  if (typeof form.name !== 'string' || form.name.trim() === '') problems.push({ path: ['name'], message: 'is required' });
  if (typeof form.consentText !== 'string' || form.consentText.trim() === '')
    problems.push({ path: ['consentText'], message: 'is required: the wording people agree to' });
  if (form.doubleOptIn !== undefined && form.doubleOptIn !== null && typeof form.doubleOptIn !== 'boolean')
    problems.push({ path: ['doubleOptIn'], message: 'must be true or false' });
  problems.push(...fieldProblems(form.fields, byKey), ...hiddenProblems(form.hiddenFields, byKey));
  const redirect = urlProblem(form.redirectUrl);
  if (redirect) problems.push({ path: ['redirectUrl'], message: redirect });
  if (problems.length === 0) {
    // A subscriber created by this form must be valid: required custom fields need a value from somewhere.
    const asked = new Set(formFieldChoices(form.fields).map((c) => c.key));
    const hidden = isObject(form.hiddenFields) ? form.hiddenFields : {};
    for (const def of definitions) {
      if (def.required && !hasDefault(def) && !asked.has(def.key) && !(def.key in hidden))
        problems.push({ path: ['fields'], message: `must include the required custom field "${def.key}"` });
    }
  }
  return problems;
};

export const formFieldChoices = (fields: unknown): FormFieldChoice[] =>
  isObject(fields) && Array.isArray(fields.items) ? (fields.items as FormFieldChoice[]) : [];

// The wording version goes up whenever the wording changes, so each consent names what was shown.
export const nextConsentVersion = (current: { consentText?: unknown; consentVersion?: unknown } | null, consentText: unknown): number => {
  const version = typeof current?.consentVersion === 'number' ? current.consentVersion : 0;
  if (!current || version === 0) return 1;
  return consentText !== undefined && consentText !== current.consentText ? version + 1 : version;
};

export const publicFields = (fields: unknown, definitions: FieldDefinition[]): PublicField[] => {
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  return formFieldChoices(fields).flatMap((choice): PublicField[] => {
    const builtIn = BUILT_IN[choice.key];
    if (builtIn) return [{ key: choice.key, label: builtIn.label, type: 'text', required: !!choice.required, options: [], custom: false }];
    const def = byKey.get(choice.key);
    if (!def) return []; // the definition was deleted after the form was saved
    const required = !!choice.required || (def.required && !hasDefault(def));
    return [{ key: def.key, label: def.label, type: def.type, required, options: def.options ?? [], custom: true }];
  });
};
