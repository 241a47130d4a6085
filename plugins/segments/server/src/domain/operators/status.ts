import { z } from 'zod';
import { join, sql } from '../sql';
import { negated, operator, type Operand, type OperatorSpec } from './operator';

export const SUBSCRIBER_STATUSES = ['unconfirmed', 'active', 'unsubscribed', 'bounced', 'complained', 'blocked'] as const;
type Status = (typeof SUBSCRIBER_STATUSES)[number];

const statusMessage = `value must be one of ${SUBSCRIBER_STATUSES.join(', ')}, or a list of them`;
const status = z.enum(SUBSCRIBER_STATUSES, { error: statusMessage });
const statuses = z.union([status, z.array(status).min(1, statusMessage)], { error: statusMessage });

const list = (value: Status | Status[]): Status[] => (Array.isArray(value) ? value : [value]);

// Statuses are a closed set of lower-case words: compared exactly, so an index on the column applies.
const oneOf: OperatorSpec<Operand, string, Status | Status[]> = {
  value: statuses,
  missing: false,
  sql: (operand, value) => sql`${operand.expr} IN (${join(list(value), ', ')})`,
  test: (actual, value) => list(value).some((s) => s === actual),
};

export const statusOperators = {
  is: operator(oneOf),
  is_not: operator(negated(oneOf)),
};
