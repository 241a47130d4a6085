import type { FormProblem } from './form-definition';
import { isTicked } from './form-submission';

const MAX_NAME = 100;

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? [v] : []);

// The preference center's POST: names, chosen topic ids, and the two checkboxes.
export const readPreferenceChanges = (body: Record<string, unknown>) => {
  const problems: FormProblem[] = [];
  const name = (key: 'firstName' | 'lastName') => {
    const value = body[key];
    if (value !== undefined && typeof value !== 'string') problems.push({ path: [key], message: 'must be text' });
    const text = typeof value === 'string' ? value.trim() : '';
    if (text.length > MAX_NAME) problems.push({ path: [key], message: `must be at most ${MAX_NAME} characters` });
    return text;
  };
  const changes = {
    firstName: name('firstName'),
    lastName: name('lastName'),
    topics: list(body.topics),
    unsubscribe: isTicked(body.unsubscribe),
    resubscribe: isTicked(body.consent),
  };
  return { changes, problems };
};
