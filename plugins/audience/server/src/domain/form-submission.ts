import { coerceFieldValue, type FieldValue } from './field-values';
import type { FormProblem, PublicField } from './form-definition';
import { emailProblem, normalizeEmail } from './subscriber-input';

// The honeypot: hidden from people (and from assistive technology), filled in by naive bots.
export const HONEYPOT = 'website';

export type Submission = {
  email: string;
  names: { firstName?: string; lastName?: string };
  fields: Record<string, FieldValue>;
  consent: boolean;
};

const MAX_NAME = 100;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const isBot = (body: Record<string, unknown>): boolean => typeof body[HONEYPOT] === 'string' && body[HONEYPOT] !== '';

// Checkboxes post "on" (or "true" from scripts); JSON clients may send true.
export const isTicked = (value: unknown): boolean => value === true || value === 'on' || value === 'true' || value === '1';

// Reads a posted form (url-encoded `fields[key]=…` or JSON `{ fields: {…} }`) against the form's fields.
// Every problem names its input, so a page or a script can show it beside that input.
export const readSubmission = (
  fields: PublicField[],
  body: Record<string, unknown>
): { submission: Submission; problems: FormProblem[] } => {
  const problems: FormProblem[] = [];
  const email = emailProblem(body.email);
  if (email) problems.push({ path: ['email'], message: email });
  const posted = isObject(body.fields) ? body.fields : {};
  const names: Submission['names'] = {};
  const values: Record<string, FieldValue> = {};
  for (const field of fields) {
    const raw = field.custom ? posted[field.key] : body[field.key];
    if (!field.custom) {
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (raw !== undefined && typeof raw !== 'string') problems.push({ path: [field.key], message: 'must be text' });
      else if (text.length > MAX_NAME) problems.push({ path: [field.key], message: `must be at most ${MAX_NAME} characters` });
      else if (field.required && text === '') problems.push({ path: [field.key], message: 'is required' });
      else if (text) names[field.key as keyof Submission['names']] = text;
      continue;
    }
    const result = coerceFieldValue({ ...field, options: field.options }, raw);
    if ('error' in result) problems.push({ path: ['fields', field.key], message: result.error });
    else if (result.value === null || (Array.isArray(result.value) && result.value.length === 0)) {
      if (field.required) problems.push({ path: ['fields', field.key], message: 'is required' });
    } else values[field.key] = result.value;
  }
  const known = new Set(fields.filter((f) => f.custom).map((f) => f.key));
  for (const key of Object.keys(posted)) if (!known.has(key)) problems.push({ path: ['fields', key], message: 'is not on this form' });
  const consent = isTicked(body.consent);
  if (!consent) problems.push({ path: ['consent'], message: 'must be ticked to subscribe' });
  return { submission: { email: email ? '' : normalizeEmail(String(body.email)), names, fields: values, consent }, problems };
};

export const problemMessage = (problems: FormProblem[]): string => problems.map((p) => `${p.path.join('.')} ${p.message}`).join('; ');
