import { Liquid, type Template } from 'liquidjs';
import { DateTime } from 'luxon';
import { isKnownVariable, type KnownVariables } from './liquid-context';

export interface LiquidOptions {
  /** Unknown variables are errors (validation). Off at send time: a missing field renders empty. */
  strictVariables?: boolean;
  /** HTML-escape every {{ output }}: on for the HTML part, off for the plain-text part and subjects. */
  escapeHtml?: boolean;
}

const toDateTime = (value: unknown): DateTime | undefined => {
  if (value instanceof Date) return DateTime.fromJSDate(value);
  if (typeof value === 'number') return DateTime.fromMillis(value);
  if (value === 'now' || value === 'today') return DateTime.now();
  if (typeof value === 'string' && value) return DateTime.fromISO(value);
  return undefined;
};

// The one Liquid engine shared by template validation, previews and the send pipeline, so that
// what validates at save time is exactly what renders at send time.
export const createLiquid = ({ strictVariables = false, escapeHtml = false }: LiquidOptions = {}): Liquid => {
  const liquid = new Liquid({
    strictVariables,
    strictFilters: true,
    outputEscape: escapeHtml ? 'escape' : undefined,
    ownPropertyOnly: true,
  });
  // {{ date | date_tz: "d LLL yyyy" }} in the subscriber's time zone (or the one given), luxon format tokens.
  liquid.registerFilter(
    'date_tz',
    function (this: { context: { getSync(path: string[]): unknown } }, value: unknown, format = 'DDD', zone?: string) {
      const date = toDateTime(value);
      if (!date?.isValid) return '';
      const subscriberZone = this.context.getSync(['subscriber', 'time_zone']);
      const target = zone ?? (typeof subscriberZone === 'string' && subscriberZone ? subscriberZone : 'UTC');
      const zoned = date.setZone(target);
      return (zoned.isValid ? zoned : date.setZone('UTC')).toFormat(String(format));
    }
  );
  return liquid;
};

export interface LiquidIssue {
  message: string;
  line: number;
  column: number;
}

const positionOf = (err: unknown): { line: number; column: number } => {
  const token = (err as { token?: { getPosition?(): [number, number] } }).token;
  const position = token?.getPosition?.();
  if (position) return { line: position[0], column: position[1] };
  const match = /line:(\d+), col:(\d+)/.exec(String((err as Error).message));
  return match ? { line: Number(match[1]), column: Number(match[2]) } : { line: 1, column: 1 };
};

const validator = createLiquid({ strictVariables: true });

// Syntax errors, unknown filters and unknown variables in one piece of template text, with positions.
export const checkLiquid = (source: string, known: KnownVariables): LiquidIssue[] => {
  if (!source.includes('{')) return [];
  let templates: Template[];
  try {
    templates = validator.parse(source);
  } catch (err) {
    const message = String((err as Error).message).replace(/, line:\d+, col:\d+$/, '');
    return [{ message, ...positionOf(err) }];
  }
  const { globals } = validator.analyzeSync(templates);
  return Object.values(globals)
    .flat()
    .filter((variable) => !isKnownVariable(variable.segments, known))
    .map((variable) => ({
      message: `unknown variable "${String(variable)}"`,
      line: variable.location.row,
      column: variable.location.col,
    }));
};
