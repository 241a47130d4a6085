import { escapeLike, sql, type Sql } from '../sql';
import { negated, operator, type Operand, type OperatorSpec } from './operator';
import { noValue, text } from './values';

// Text compares case-insensitively: lower() in SQL, toLowerCase() in memory.
type TextSpec<V> = OperatorSpec<Operand, string, V>;

const lower = (operand: Operand): Sql => sql`lower(${operand.expr})`;
const like = (operand: Operand, pattern: string): Sql => sql`${lower(operand)} LIKE lower(${pattern}) ESCAPE '\\'`;

const equals: TextSpec<string> = {
  value: text,
  missing: false,
  sql: (operand, value) => sql`${lower(operand)} = lower(${value})`,
  test: (actual, value) => actual.toLowerCase() === value.toLowerCase(),
};

const contains: TextSpec<string> = {
  value: text,
  missing: false,
  sql: (operand, value) => like(operand, `%${escapeLike(value)}%`),
  test: (actual, value) => actual.toLowerCase().includes(value.toLowerCase()),
};

const startsWith: TextSpec<string> = {
  value: text,
  missing: false,
  sql: (operand, value) => like(operand, `${escapeLike(value)}%`),
  test: (actual, value) => actual.toLowerCase().startsWith(value.toLowerCase()),
};

// An empty string counts as empty, like a missing value.
const isEmpty: TextSpec<undefined> = {
  value: noValue,
  missing: true,
  sql: (operand) => sql`${operand.expr} = ''`,
  test: (actual) => actual === '',
};

export const selectOperators = {
  is: operator(equals),
  is_not: operator(negated(equals)),
  is_empty: operator(isEmpty),
  is_not_empty: operator(negated(isEmpty)),
};

export const textOperators = {
  ...selectOperators,
  contains: operator(contains),
  not_contains: operator(negated(contains)),
  starts_with: operator(startsWith),
};
