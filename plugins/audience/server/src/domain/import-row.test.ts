import type { FieldDefinition } from './field-values';
import { compileColumns, mergeRows, splitTags, validateRow, type StagedRow } from './import-row';

const definitions: FieldDefinition[] = [
  { key: 'score', label: 'Score', type: 'number', required: false },
  { key: 'plan', label: 'Plan', type: 'select', required: true, options: ['free', 'pro'] },
];
const headers = ['Email', 'First', 'Status', 'Zone', 'Score', 'Plan', 'Tags', 'Notes'];
const columns = compileColumns(
  ['email', 'firstName', 'status', 'timeZone', 'fields.score', 'fields.plan', 'tags', null],
  headers,
  definitions
);
const validate = (cells: string[], allowActive = true) => validateRow(7, cells, columns, headers.length, { allowActive });

describe('validateRow', () => {
  it('normalises a good row and keeps only the cells that have values', () => {
    expect(validate([' Ada@Example.TEST ', ' Ada ', 'Active', '', '42', 'pro', 'VIP; news | VIP', 'ignored'])).toEqual({
      staged: {
        row: 7,
        email: 'ada@example.test',
        firstName: 'Ada',
        status: 'active',
        fields: { score: 42, plan: 'pro' },
        tags: ['VIP', 'news'],
      },
    });
  });

  it('leaves required fields to the write: an existing subscriber may already have them', () => {
    expect(validate(['a@x.test', '', '', '', '', '', '', ''])).toEqual({ staged: { row: 7, email: 'a@x.test', fields: {}, tags: [] } });
  });

  it('reports every problem of a row with its column, value and reason', () => {
    expect(validate(['nope', 'x'.repeat(101), 'gone', 'Mars/Base', 'lots', 'gold', `${'t'.repeat(101)}`, ''])).toEqual({
      problems: [
        { row: 7, column: 'Email', value: 'nope', reason: 'email is not a valid email address (got "nope")' },
        { row: 7, column: 'First', value: 'x'.repeat(101), reason: 'firstName must be at most 100 characters' },
        {
          row: 7,
          column: 'Status',
          value: 'gone',
          reason: 'status must be one of unconfirmed, active, unsubscribed, bounced, complained, blocked',
        },
        { row: 7, column: 'Zone', value: 'Mars/Base', reason: 'timeZone must be an IANA time zone such as Europe/Paris (got "Mars/Base")' },
        { row: 7, column: 'Score', value: 'lots', reason: 'Score must be a number (got "lots")' },
        { row: 7, column: 'Plan', value: 'gold', reason: 'Plan must be one of free, pro' },
        { row: 7, column: 'Tags', value: 't'.repeat(101), reason: 'tag names must be at most 100 characters' },
      ],
    });
  });

  it('refuses active rows when the import has no consent basis', () => {
    expect(validate(['a@x.test', '', 'active', '', '', '', '', ''], false)).toEqual({
      problems: [{ row: 7, column: 'Status', value: 'active', reason: 'status active needs a consent basis, and this import has none' }],
    });
  });

  it('treats a row of empty cells as blank, and short rows as ending in empty cells', () => {
    expect(validate(['', ' ', '', '', '', '', '', ''])).toBeNull();
    expect(validate(['a@x.test'])).toEqual({ staged: { row: 7, email: 'a@x.test', fields: {}, tags: [] } });
  });

  it('refuses values beyond the last column', () => {
    expect(validate(['a@x.test', '', '', '', '', '', '', '', 'extra'])).toEqual({
      problems: [{ row: 7, column: '', value: 'extra', reason: 'has 9 cells but the header has 8 columns' }],
    });
  });
});

describe('mergeRows and splitTags', () => {
  it('lets the later row win where it has values, merges fields and adds tags up', () => {
    const earlier: StagedRow = {
      row: 2,
      email: 'a@x.test',
      firstName: 'Ada',
      lastName: 'L',
      fields: { score: 1, plan: 'free' },
      tags: ['a', 'b'],
    };
    const later: StagedRow = { row: 9, email: 'a@x.test', lastName: 'Lovelace', status: 'active', fields: { score: 2 }, tags: ['b', 'c'] };
    expect(mergeRows(earlier, later)).toEqual({
      row: 2,
      email: 'a@x.test',
      firstName: 'Ada',
      lastName: 'Lovelace',
      status: 'active',
      fields: { score: 2, plan: 'free' },
      tags: ['a', 'b', 'c'],
    });
  });

  it('splits tag cells on commas, semicolons and bars', () => {
    expect(splitTags(' a, b;c | a ,, ')).toEqual(['a', 'b', 'c']);
  });
});
