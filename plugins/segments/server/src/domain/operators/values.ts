import { z } from 'zod';
import { isCalendarDay } from '../days';

// What a condition's `value` may be, with messages a marketer can act on.
export const MAX_DAYS = 36500;

export const noValue = z.undefined({ error: 'this operator takes no value' });

export const text = z
  .string({ error: 'value must be text' })
  .min(1, 'value must not be empty (use is_empty to find empty values)')
  .max(1000, 'value must be at most 1000 characters');

export const options = z
  .array(text, { error: 'value must be a list of options' })
  .min(1, 'value must list at least one option')
  .max(100, 'value must list at most 100 options');

export const number = z.number({ error: 'value must be a number' });

export const numberRange = z
  .tuple([number, number], { error: 'value must be [min, max]' })
  .refine(([min, max]) => min <= max, 'between needs [min, max] with min not above max');

const dayMessage = 'value must be a date written YYYY-MM-DD, between 1000-01-01 and 9999-12-30';
export const calendarDay = z.string({ error: dayMessage }).refine(isCalendarDay, dayMessage);

export const wholeNumber = (min: number, max: number, message: string) =>
  z.number({ error: message }).int(message).min(min, message).max(max, message);

export const dayCount = wholeNumber(0, MAX_DAYS, `value must be a whole number of days from 0 to ${MAX_DAYS}`);
