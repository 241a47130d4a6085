import type { FieldDefinition } from './field-values';
import { mappingProblems, suggestMapping, targetsFor, type Mapping } from './import-mapping';

const definitions: FieldDefinition[] = [
  { key: 'plan', label: 'Plan', type: 'select', required: false, options: ['free', 'pro'] },
  { key: 'signup_date', label: 'Signed up on', type: 'date', required: false },
];

describe('suggestMapping', () => {
  it('recognises common header names whatever their case, accents or punctuation', () => {
    expect(suggestMapping(['E-mail', 'Prénom', 'Last Name', 'TZ', 'Lang', 'Tags', 'Status', 'notes'], [])).toEqual([
      'email',
      'firstName',
      'lastName',
      'timeZone',
      'language',
      'tags',
      'status',
      null,
    ]);
  });

  it('maps custom fields by key or label, and uses each target once', () => {
    expect(suggestMapping(['email', 'Signed up on', 'plan', 'Email address'], definitions)).toEqual([
      'email',
      'fields.signup_date',
      'fields.plan',
      null,
    ]);
  });

  it("prefers the admin's last choice for a header, including leaving it out", () => {
    const remembered = { headers: ['Mail', 'Kunde', 'Plan', 'gone'], mapping: [null, 'lastName', null, 'fields.gone'] as Mapping };
    expect(suggestMapping(['kunde', 'mail', 'plan', 'gone', 'email'], definitions, remembered)).toEqual([
      'lastName',
      null,
      null,
      null,
      'email',
    ]);
  });
});

describe('mappingProblems', () => {
  const headers = ['email', 'plan', 'name'];

  it('accepts one target per column or null, with email mapped once', () => {
    expect(mappingProblems(['email', 'fields.plan', null], headers, definitions)).toEqual([]);
  });

  it('names each column that is wrong', () => {
    expect(mappingProblems(['firstName', 'fields.nope', 'firstName'], headers, definitions)).toEqual([
      'column 2 ("plan"): "fields.nope" is not a subscriber property or custom field',
      'column 3 ("name"): firstName is already mapped from another column',
      'one column must be mapped to email',
    ]);
    expect(mappingProblems(['email'], headers, definitions)).toEqual([
      'mapping must be a list with one entry per column (3), each a target or null',
    ]);
  });

  it('lists the targets with their labels', () => {
    expect(targetsFor(definitions).slice(-2)).toEqual([
      { target: 'fields.plan', label: 'Plan' },
      { target: 'fields.signup_date', label: 'Signed up on' },
    ]);
  });
});
