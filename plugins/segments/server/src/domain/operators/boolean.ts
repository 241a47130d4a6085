import { sql } from '../sql';
import { operator, presence, type Operand } from './operator';
import { noValue } from './values';

export const booleanOperators = {
  is_true: operator<Operand, boolean, undefined>({
    value: noValue,
    missing: false,
    sql: (operand) => operand.expr,
    test: (actual) => actual,
  }),
  is_false: operator<Operand, boolean, undefined>({
    value: noValue,
    missing: false,
    sql: (operand) => sql`NOT (${operand.expr})`,
    test: (actual) => !actual,
  }),
  is_empty: presence<Operand, boolean>().is_empty,
};
