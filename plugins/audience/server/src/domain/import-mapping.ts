import type { FieldDefinition } from './field-values';

// Where a CSV column can go: a subscriber property, the tag list, or a custom field.
export const PROPERTY_TARGETS = ['email', 'firstName', 'lastName', 'status', 'timeZone', 'language', 'tags'] as const;
export type PropertyTarget = (typeof PROPERTY_TARGETS)[number];
export type Target = PropertyTarget | `fields.${string}`;

// One entry per column, in column order; null leaves the column out.
export type Mapping = Array<Target | null>;

const PROPERTY_LABELS: Record<PropertyTarget, string> = {
  email: 'Email',
  firstName: 'First name',
  lastName: 'Last name',
  status: 'Status',
  timeZone: 'Time zone',
  language: 'Language',
  tags: 'Tags',
};

export const targetsFor = (definitions: FieldDefinition[]): Array<{ target: Target; label: string }> => [
  ...PROPERTY_TARGETS.map((target) => ({ target, label: PROPERTY_LABELS[target] })),
  ...definitions.map((d) => ({ target: `fields.${d.key}` as Target, label: d.label })),
];

// Lower case, accents and punctuation gone: "E-mail", "email" and "Émail " compare equal.
const normalise = (header: string) =>
  header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const SYNONYMS: Record<PropertyTarget, string[]> = {
  email: ['email', 'emailaddress', 'mail', 'courriel'],
  firstName: ['firstname', 'first', 'givenname', 'forename', 'fname', 'prenom'],
  lastName: ['lastname', 'last', 'surname', 'familyname', 'lname', 'nom'],
  status: ['status', 'subscriptionstatus'],
  timeZone: ['timezone', 'tz', 'zone'],
  language: ['language', 'lang', 'locale'],
  tags: ['tags', 'tag', 'labels'],
};

export type RememberedMapping = { headers: string[]; mapping: Mapping };

// A mapping to start from: the admin's last choice for a header seen before, then well-known
// header names and custom field keys or labels. Each target is used once, first column first.
export const suggestMapping = (headers: string[], definitions: FieldDefinition[], remembered?: RememberedMapping | null): Mapping => {
  const valid = new Set(targetsFor(definitions).map((t) => t.target));
  const previous = new Map<string, Target | null>();
  remembered?.headers.forEach((h, i) => {
    const target = remembered.mapping[i] ?? null;
    if (target === null || valid.has(target)) previous.set(normalise(h), target);
  });
  const guesses = new Map<string, Target>();
  for (const target of PROPERTY_TARGETS) for (const name of SYNONYMS[target]) guesses.set(name, target);
  for (const d of definitions) {
    guesses.set(normalise(d.label), `fields.${d.key}`);
    guesses.set(normalise(d.key), `fields.${d.key}`);
  }
  const used = new Set<Target>();
  return headers.map((header) => {
    const key = normalise(header);
    const target = previous.has(key) ? previous.get(key)! : (guesses.get(key) ?? null);
    if (target === null || used.has(target)) return null;
    used.add(target);
    return target;
  });
};

// What is wrong with a mapping sent by a client, in words an admin can act on.
export const mappingProblems = (mapping: unknown, headers: string[], definitions: FieldDefinition[]): string[] => {
  if (!Array.isArray(mapping) || mapping.length !== headers.length) {
    return [`mapping must be a list with one entry per column (${headers.length}), each a target or null`];
  }
  const valid = new Set<unknown>(targetsFor(definitions).map((t) => t.target));
  const problems: string[] = [];
  const seen = new Set<unknown>();
  mapping.forEach((target, i) => {
    if (target === null) return;
    const column = `column ${i + 1} (${JSON.stringify(headers[i])})`;
    if (!valid.has(target)) problems.push(`${column}: ${JSON.stringify(target)} is not a subscriber property or custom field`);
    else if (seen.has(target)) problems.push(`${column}: ${target} is already mapped from another column`);
    seen.add(target);
  });
  if (!seen.has('email')) problems.push('one column must be mapped to email');
  return problems;
};
