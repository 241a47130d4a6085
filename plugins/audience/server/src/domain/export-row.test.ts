import { exportHeader, exportRow } from './export-row';
import type { FieldDefinition } from './field-values';

const definitions: FieldDefinition[] = [
  { key: 'plan', label: 'Plan', type: 'select', required: false, options: ['free'] },
  { key: 'topics', label: 'Topics', type: 'multiselect', required: false, options: ['a', 'b'] },
  { key: 'vip', label: 'VIP', type: 'boolean', required: false },
];

describe('export rows', () => {
  it('names the fixed columns, then one per custom field', () => {
    expect(exportHeader(definitions)).toEqual([
      'email',
      'first name',
      'last name',
      'status',
      'source',
      'time zone',
      'language',
      'created',
      'updated',
      'tags',
      'plan',
      'topics',
      'vip',
    ]);
  });

  it('writes lists as the import reads them, dates in ISO 8601, missing values empty, formulas neutralised', () => {
    const row = exportRow(
      {
        email: 'ada@example.test',
        firstName: '=HYPERLINK("http://evil")',
        lastName: null,
        status: 'active',
        source: 'form',
        timeZone: 'Europe/London',
        language: null,
        createdAt: '2026-01-02T03:04:05.000Z',
        updatedAt: new Date('2026-01-03T00:00:00Z'),
        tags: ['-2+3', 'VIP'],
        fields: { topics: ['a', 'b'], vip: false },
      },
      definitions
    );
    expect(row).toEqual([
      'ada@example.test',
      `'=HYPERLINK("http://evil")`,
      '',
      'active',
      'form',
      'Europe/London',
      '',
      '2026-01-02T03:04:05.000Z',
      '2026-01-03T00:00:00.000Z',
      `'-2+3; VIP`,
      '',
      'a; b',
      'false',
    ]);
  });
});
