// UTC calendar days written 'YYYY-MM-DD'. Written this way, days compare correctly as plain strings,
// in JavaScript and in PostgreSQL (under COLLATE "C"), which is what lets SQL and the evaluator agree.
export const DAY_PATTERN = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

export const utcDay = (date: Date): string => date.toISOString().slice(0, 10);

const parse = (day: string): Date => new Date(`${day}T00:00:00Z`);

export const addDays = (day: string, days: number): string => {
  const date = parse(day);
  date.setUTCDate(date.getUTCDate() + days);
  return utcDay(date);
};

// A real date in the range where day arithmetic keeps four-digit years.
export const isCalendarDay = (text: string): boolean =>
  DAY_PATTERN.test(text) &&
  text >= '1000-01-01' &&
  text <= '9999-12-30' &&
  !Number.isNaN(parse(text).getTime()) &&
  utcDay(parse(text)) === text;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

// Month-days ('MM-DD') whose anniversary falls exactly `days` days after `today`. In a non-leap
// year, 29 February anniversaries are kept on the 28th.
export const anniversaryMonthDays = (today: string, days: number): string[] => {
  const target = addDays(today, days);
  const monthDay = target.slice(5);
  return monthDay === '02-28' && !isLeapYear(Number(target.slice(0, 4))) ? ['02-28', '02-29'] : [monthDay];
};

// The first day of "the last N days", today included.
export const lastDaysStart = (today: string, days: number): string => addDays(today, 1 - days);
