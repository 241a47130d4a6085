import type { z } from 'zod';
import { addDays, anniversaryMonthDays, lastDaysStart } from '../days';
import { join, sql, type Sql } from '../sql';
import { operator, presence, type Operand, type OperatorSpec } from './operator';
import { calendarDay, dayCount } from './values';

// Dates are tested as UTC calendar days ('YYYY-MM-DD' in memory). In SQL the operand says how to
// compare its column with the start of a day, so a timestamptz column keeps its index.
export interface DateOperand extends Operand {
  at(day: string): Sql;
  readonly monthDay: Sql; // 'MM-DD'
}

type DateSpec<V> = OperatorSpec<DateOperand, string, V>;

// Every date operator but anniversaries is a window of days [from, to); null leaves a side open.
type Window = readonly [from: string | null, to: string | null];

const window = <V>(value: z.ZodType<V>, bounds: (value: V, today: string) => Window): DateSpec<V> => ({
  value,
  missing: false,
  sql: (operand, v, today) => {
    const [from, to] = bounds(v, today);
    const sides: Sql[] = [];
    if (from !== null) sides.push(sql`${operand.expr} >= ${operand.at(from)}`);
    if (to !== null) sides.push(sql`${operand.expr} < ${operand.at(to)}`);
    return join(sides, ' AND ');
  },
  test: (actual, v, today) => {
    const [from, to] = bounds(v, today);
    return (from === null || actual >= from) && (to === null || actual < to);
  },
});

export const dateOperators = {
  before: operator(window(calendarDay, (day) => [null, day])),
  after: operator(window(calendarDay, (day) => [addDays(day, 1), null])),
  on: operator(window(calendarDay, (day) => [day, addDays(day, 1)])),
  // The last / next N calendar days, today included; 0 days is an empty window.
  within_last_days: operator(window(dayCount, (days, today) => [lastDaysStart(today, days), addDays(today, 1)])),
  within_next_days: operator(window(dayCount, (days, today) => [today, addDays(today, days)])),
  more_than_days_ago: operator(window(dayCount, (days, today) => [null, addDays(today, -days)])),
  anniversary_in_days: operator<DateOperand, string, number>({
    value: dayCount,
    missing: false,
    sql: (operand, days, today) => sql`${operand.monthDay} IN (${join(anniversaryMonthDays(today, days), ', ')})`,
    test: (actual, days, today) => anniversaryMonthDays(today, days).includes(actual.slice(5)),
  }),
  ...presence<DateOperand, string>(),
};
