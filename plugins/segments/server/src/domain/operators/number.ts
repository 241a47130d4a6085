import { sql } from '../sql';
import { negated, operator, presence, type Operand, type OperatorSpec } from './operator';
import { number, numberRange } from './values';

type NumberSpec<V> = OperatorSpec<Operand, number, V>;

const comparison = (spec: Pick<NumberSpec<number>, 'sql' | 'test'>): NumberSpec<number> => ({ value: number, missing: false, ...spec });

const equals = comparison({ sql: (operand, value) => sql`${operand.expr} = ${value}`, test: (actual, value) => actual === value });

export const numberOperators = {
  eq: operator(equals),
  neq: operator(negated(equals)),
  lt: operator(comparison({ sql: (operand, value) => sql`${operand.expr} < ${value}`, test: (actual, value) => actual < value })),
  lte: operator(comparison({ sql: (operand, value) => sql`${operand.expr} <= ${value}`, test: (actual, value) => actual <= value })),
  gt: operator(comparison({ sql: (operand, value) => sql`${operand.expr} > ${value}`, test: (actual, value) => actual > value })),
  gte: operator(comparison({ sql: (operand, value) => sql`${operand.expr} >= ${value}`, test: (actual, value) => actual >= value })),
  between: operator<Operand, number, [number, number]>({
    value: numberRange,
    missing: false,
    sql: (operand, [min, max]) => sql`${operand.expr} BETWEEN ${min} AND ${max}`,
    test: (actual, [min, max]) => actual >= min && actual <= max,
  }),
  ...presence<Operand, number>(),
};
