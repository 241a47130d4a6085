import { coerceFieldValue, validateFieldValues, type FieldDefinition } from './field-values';

const date: FieldDefinition = { key: 'd', label: 'Day', type: 'date', required: false };

describe('coerceFieldValue', () => {
  it('keeps calendar dates, including 29 February of leap years, and the date part of a timestamp', () => {
    expect(coerceFieldValue(date, '2024-02-29')).toEqual({ value: '2024-02-29' });
    expect(coerceFieldValue(date, '2000-02-29')).toEqual({ value: '2000-02-29' });
    expect(coerceFieldValue(date, ' 2024-03-01T10:00:00Z ')).toEqual({ value: '2024-03-01' });
    expect(coerceFieldValue(date, new Date('2024-05-06T00:00:00Z'))).toEqual({ value: '2024-05-06' });
  });

  it('refuses dates that are not on the calendar or not written YYYY-MM-DD', () => {
    for (const raw of ['2023-02-29', '1900-02-29', '2024-13-01', '2024-04-31', '2024-00-10', '01/02/2024']) {
      expect(coerceFieldValue(date, raw)).toEqual({ error: `must be a date as YYYY-MM-DD (got ${JSON.stringify(raw)})` });
    }
  });

  it('coerces numbers, booleans and choices from CSV text', () => {
    expect(coerceFieldValue({ ...date, type: 'number' }, ' 4.5 ')).toEqual({ value: 4.5 });
    expect(coerceFieldValue({ ...date, type: 'boolean' }, 'Yes')).toEqual({ value: true });
    expect(coerceFieldValue({ ...date, type: 'multiselect', options: ['a', 'b'] }, 'a; b|a')).toEqual({ value: ['a', 'b'] });
  });
});

describe('validateFieldValues', () => {
  const definitions: FieldDefinition[] = [
    { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'], required: true, defaultValue: 'free' },
  ];

  it('applies defaults and required checks on creation only', () => {
    expect(validateFieldValues(definitions, {}, { creating: true })).toEqual({ values: { plan: 'free' }, problems: [] });
    expect(validateFieldValues(definitions, {}, { creating: false, current: {} })).toEqual({ values: {}, problems: [] });
    expect(validateFieldValues(definitions, { plan: '' }, { creating: false, current: { plan: 'pro' } })).toEqual({
      values: {},
      problems: [{ key: 'plan', message: 'is required' }],
    });
  });
});
