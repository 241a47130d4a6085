import { join, sql, type Sql } from '../sql';
import { negated, operator, type Operand, type OperatorSpec } from './operator';
import { noValue, options } from './values';

// The operand is a JSONB array (NULL when missing); only its string elements are options, compared
// case-insensitively.
type MultiselectSpec<V> = OperatorSpec<Operand, unknown[], V>;

const lowered = (value: string): Sql => sql`lower(${value})`;

// Guarded so a missing array gives NULL, as operators require, rather than EXISTS's false.
const holdsAny = (operand: Operand, values: readonly string[]): Sql => {
  const wanted = join(values.map(lowered), ', ');
  const stringOptions = sql`SELECT 1 FROM jsonb_array_elements(${operand.expr}) AS el(v) WHERE jsonb_typeof(el.v) = 'string'`;
  return sql`CASE WHEN ${operand.expr} IS NOT NULL THEN EXISTS (${stringOptions} AND lower(el.v #>> '{}') IN (${wanted})) END`;
};

const includesAny = (actual: unknown[], values: readonly string[]): boolean => {
  const wanted = new Set(values.map((value) => value.toLowerCase()));
  return actual.some((option) => typeof option === 'string' && wanted.has(option.toLowerCase()));
};

const hasAny: MultiselectSpec<string[]> = {
  value: options,
  missing: false,
  sql: holdsAny,
  test: includesAny,
};

const hasAll: MultiselectSpec<string[]> = {
  value: options,
  missing: false,
  sql: (operand, values) =>
    sql`(${join(
      values.map((value) => holdsAny(operand, [value])),
      ' AND '
    )})`,
  test: (actual, values) => values.every((value) => includesAny(actual, [value])),
};

const isEmpty: MultiselectSpec<undefined> = {
  value: noValue,
  missing: true,
  sql: (operand) => sql`jsonb_array_length(${operand.expr}) = 0`,
  test: (actual) => actual.length === 0,
};

export const multiselectOperators = {
  has_any: operator(hasAny),
  has_all: operator(hasAll),
  has_none: operator(negated(hasAny)),
  is_empty: operator(isEmpty),
  is_not_empty: operator(negated(isEmpty)),
};
