import type { z } from 'zod';
import { FALSE, TRUE, sql, type Sql } from '../sql';
import { noValue } from './values';

const NOT = sql`NOT `;

// The SQL expression a condition reads: NULL when the subscriber has no value.
export interface Operand {
  readonly expr: Sql;
  // Costly to evaluate twice (read from JSONB): conditions then test it once, through COALESCE,
  // rather than checking IS NOT NULL first, which keeps conditions on plain columns indexable.
  readonly computed?: boolean;
}

// An operator with its value fixed: one condition, as SQL and as an in-memory test.
export interface Condition<O extends Operand, A> {
  sql(operand: O): Sql;
  test(actual: A | null): boolean;
}

export interface Operator<O extends Operand, A> {
  readonly value: z.ZodType;
  bind(value: unknown, today: string): Condition<O, A>;
}

export type OperatorSet<O extends Operand, A> = Readonly<Record<string, Operator<O, A>>>;

export interface OperatorSpec<O extends Operand, A, V> {
  readonly value: z.ZodType<V>;
  // The outcome for a subscriber with no value (SQL NULL), decided here rather than left to
  // three-valued logic, so every condition is strictly true or false, also under NOT.
  readonly missing: boolean;
  // True or false for a present value, agreeing with `test`; NULL for a missing one.
  sql(operand: O, value: V, today: string): Sql;
  test(actual: A, value: V, today: string): boolean;
}

export const operator = <O extends Operand, A, V>(spec: OperatorSpec<O, A, V>): Operator<O, A> => ({
  value: spec.value,
  bind(raw, today) {
    const value = spec.value.parse(raw);
    return {
      sql(operand) {
        const present = spec.sql(operand, value, today);
        if (present === TRUE || present === FALSE) {
          return (present === TRUE) === spec.missing ? present : sql`(${operand.expr} IS ${spec.missing ? sql`` : NOT}NULL)`;
        }
        if (operand.computed) return sql`COALESCE(${present}, ${spec.missing ? TRUE : FALSE})`;
        return spec.missing ? sql`(${operand.expr} IS NULL OR ${present})` : sql`(${operand.expr} IS NOT NULL AND ${present})`;
      },
      test: (actual) => (actual === null ? spec.missing : spec.test(actual, value, today)),
    };
  },
});

// The opposite test among present values, never matching a missing value: is -> is_not,
// has_any -> has_none, is_empty -> is_not_empty.
export const negated = <O extends Operand, A, V>(spec: OperatorSpec<O, A, V>): OperatorSpec<O, A, V> => ({
  ...spec,
  missing: false,
  sql: (operand, value, today) => sql`NOT (${spec.sql(operand, value, today)})`,
  test: (actual, value, today) => !spec.test(actual, value, today),
});

// is_empty / is_not_empty for types where any present value counts as filled in (the constant
// answers for a present value; the operand's NULL check answers the rest).
export const presence = <O extends Operand, A>() => ({
  is_empty: operator<O, A, undefined>({ value: noValue, missing: true, sql: () => FALSE, test: () => false }),
  is_not_empty: operator<O, A, undefined>({ value: noValue, missing: false, sql: () => TRUE, test: () => true }),
});

export const bindOperator = <O extends Operand, A>(
  operators: OperatorSet<O, A>,
  name: string,
  value: unknown,
  today: string
): Condition<O, A> => {
  if (!Object.hasOwn(operators, name)) throw new Error(`Unknown segment operator "${name}": validate rules before compiling them`);
  return operators[name].bind(value, today);
};
