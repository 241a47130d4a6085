import { DAY_PATTERN } from './days';
import { booleanOperators } from './operators/boolean';
import { dateOperators, type DateOperand } from './operators/date';
import { multiselectOperators } from './operators/multiselect';
import { numberOperators } from './operators/number';
import type { Operand, OperatorSet } from './operators/operator';
import { selectOperators, textOperators } from './operators/text';
import { property, type Property } from './properties';
import { subscriberColumn, type SegmentSource } from './source';
import { sql, type Sql } from './sql';

// Custom field values live in one JSONB column. A value of the wrong JSON type (a string in a number
// field, say) or JSON null reads as missing, in SQL and in memory alike.
type SqlRead<O> = (source: SegmentSource, key: string) => O;

const jsonValue: SqlRead<Sql> = (source, key) => sql`${subscriberColumn(source, 'fields')} -> ${key}`;
const jsonText: SqlRead<Sql> = (source, key) => sql`${subscriberColumn(source, 'fields')} ->> ${key}`;

const ofJsonType =
  (jsonType: 'string' | 'number' | 'boolean' | 'array', value: SqlRead<Sql>): SqlRead<Operand> =>
  (source, key) => ({
    expr: sql`CASE WHEN jsonb_typeof(${jsonValue(source, key)}) = ${jsonType} THEN ${value(source, key)} END`,
    computed: true,
  });

// Dates are 'YYYY-MM-DD' text; under COLLATE "C" text order is day order.
const textDays: SqlRead<DateOperand> = (source, key) => {
  const text = jsonText(source, key);
  const expr = sql`(CASE WHEN ${text} ~ ${DAY_PATTERN.source} THEN ${text} END) COLLATE "C"`;
  return { expr, computed: true, at: (day) => sql`${day}`, monthDay: sql`substr(${expr}, 6)` };
};

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number';
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isDay = (value: unknown): value is string => isString(value) && DAY_PATTERN.test(value);
const isArray = (value: unknown): value is unknown[] => Array.isArray(value);

const field =
  <O extends Operand, A>(operators: OperatorSet<O, A>, operand: SqlRead<O>, is: (value: unknown) => value is A) =>
  (key: string): Property =>
    property(
      operators,
      (source) => operand(source, key),
      ({ fields }) => {
        const value = Object.hasOwn(fields, key) ? fields[key] : undefined;
        return is(value) ? value : null;
      }
    );

const fieldTypes = {
  text: field(textOperators, ofJsonType('string', jsonText), isString),
  select: field(selectOperators, ofJsonType('string', jsonText), isString),
  multiselect: field(multiselectOperators, ofJsonType('array', jsonValue), isArray),
  number: field(
    numberOperators,
    ofJsonType('number', (source, key) => sql`(${jsonText(source, key)})::numeric`),
    isNumber
  ),
  date: field(dateOperators, textDays, isDay),
  boolean: field(
    booleanOperators,
    ofJsonType('boolean', (source, key) => sql`(${jsonText(source, key)})::boolean`),
    isBoolean
  ),
};

export type FieldType = keyof typeof fieldTypes;

// The custom fields a segment may test, by key (the audience plugin's field definitions).
export type FieldDefinitions = Readonly<Record<string, { readonly type: FieldType }>>;

export const isDefinedField = (fields: FieldDefinitions, key: string): boolean => Object.hasOwn(fields, key);

export const fieldProperty = (fields: FieldDefinitions, key: string): Property => {
  if (!isDefinedField(fields, key)) throw new Error(`Unknown custom field "${key}": validate rules before compiling them`);
  return fieldTypes[fields[key].type](key);
};
