import type { FieldDefinition } from './field-values';
import { formProblems, nextConsentVersion, publicFields } from './form-definition';

const DEFS: FieldDefinition[] = [
  { key: 'plan', label: 'Plan', type: 'select', required: true, options: ['free', 'pro'] },
  { key: 'score', label: 'Score', type: 'number', required: false },
  { key: 'tier', label: 'Tier', type: 'text', required: true, defaultValue: 'basic' },
];
const valid = { name: 'Newsletter', consentText: 'Email me', fields: { items: [{ key: 'plan', required: true }, { key: 'firstName' }] } };
const paths = (p: Array<{ path: string[] }>) => p.map((x) => x.path.join('.'));

describe('form definitions', () => {
  it('accepts a complete form', () => {
    expect(formProblems(valid, DEFS)).toEqual([]);
  });

  it('names every bad attribute', () => {
    const problems = formProblems(
      {
        name: ' ',
        consentText: '',
        doubleOptIn: 'yes',
        fields: { items: [{ key: 'plan' }, { key: 'plan' }, { key: 'shoe', required: 'x' }] },
        hiddenFields: { score: 'many', nope: 1 },
        redirectUrl: 'javascript:alert(1)',
      },
      DEFS
    );
    expect(paths(problems)).toEqual(
      expect.arrayContaining([
        'name',
        'consentText',
        'doubleOptIn',
        'fields.items.1.key',
        'fields.items.2.key',
        'fields.items.2.required',
        'hiddenFields.score',
        'hiddenFields.nope',
        'redirectUrl',
      ])
    );
    expect(formProblems({ ...valid, fields: [{ key: 'plan' }] }, DEFS)[0].message).toMatch(/must be an object \{ items/);
  });

  it('needs every required custom field without a default, asked or hidden', () => {
    expect(formProblems({ ...valid, fields: { items: [] } }, DEFS)).toEqual([
      { path: ['fields'], message: 'must include the required custom field "plan"' },
    ]);
    expect(formProblems({ ...valid, fields: { items: [] }, hiddenFields: { plan: 'pro' } }, DEFS)).toEqual([]);
  });

  it('raises the wording version only when the wording changes', () => {
    expect(nextConsentVersion(null, 'a')).toBe(1);
    expect(nextConsentVersion({ consentText: 'a', consentVersion: 3 }, 'a')).toBe(3);
    expect(nextConsentVersion({ consentText: 'a', consentVersion: 3 }, undefined)).toBe(3);
    expect(nextConsentVersion({ consentText: 'a', consentVersion: 3 }, 'b')).toBe(4);
  });

  it('lists the public fields with labels, options and required flags', () => {
    expect(publicFields({ items: [{ key: 'firstName' }, { key: 'plan' }, { key: 'tier' }, { key: 'gone' }] }, DEFS)).toEqual([
      { key: 'firstName', label: 'First name', type: 'text', required: false, options: [], custom: false },
      { key: 'plan', label: 'Plan', type: 'select', required: true, options: ['free', 'pro'], custom: true },
      { key: 'tier', label: 'Tier', type: 'text', required: false, options: [], custom: true },
    ]);
  });
});
