import type { z } from 'zod';
import { utcDay } from './days';
import type { DateOperand } from './operators/date';
import { dateOperators } from './operators/date';
import { bindOperator, type Operand, type OperatorSet } from './operators/operator';
import { statusOperators } from './operators/status';
import { selectOperators, textOperators } from './operators/text';
import { subscriberColumn, type SegmentSource } from './source';
import { sql, type Sql } from './sql';
import type { SubscriberFacts } from './subscriber';

// A subscriber property that conditions test: its operators, where SQL finds it and where the
// in-memory evaluator finds it, side by side so the two readings stay the same.
export interface Property {
  readonly operators: Readonly<Record<string, { readonly value: z.ZodType }>>;
  sql(operator: string, value: unknown, source: SegmentSource, today: string): Sql;
  matcher(operator: string, value: unknown, today: string): (subscriber: SubscriberFacts) => boolean;
}

export const property = <O extends Operand, A>(
  operators: OperatorSet<O, A>,
  operand: (source: SegmentSource) => O,
  read: (subscriber: SubscriberFacts) => A | null
): Property => ({
  operators,
  sql: (operator, value, source, today) => bindOperator(operators, operator, value, today).sql(operand(source)),
  matcher: (operator, value, today) => {
    const { test } = bindOperator(operators, operator, value, today);
    return (subscriber) => test(read(subscriber));
  },
});

// A timestamptz compared by UTC day: a bound is that day's UTC midnight, so the column's index applies.
const timestampDays = (column: Sql): DateOperand => ({
  expr: column,
  at: (day) => sql`${`${day}T00:00:00Z`}::timestamptz`,
  monthDay: sql`to_char(${column} AT TIME ZONE 'UTC', 'MM-DD')`,
});

export const builtInProperties = {
  email: property(
    textOperators,
    (source) => ({ expr: subscriberColumn(source, 'email') }),
    (s) => s.email
  ),
  status: property(
    statusOperators,
    (source) => ({ expr: subscriberColumn(source, 'status') }),
    (s) => s.status
  ),
  created: property(
    dateOperators,
    (source) => timestampDays(subscriberColumn(source, 'createdAt')),
    (s) => utcDay(s.createdAt)
  ),
  time_zone: property(
    selectOperators,
    (source) => ({ expr: subscriberColumn(source, 'timeZone') }),
    (s) => s.timeZone
  ),
} satisfies Record<string, Property>;

export type BuiltInProperty = keyof typeof builtInProperties;
