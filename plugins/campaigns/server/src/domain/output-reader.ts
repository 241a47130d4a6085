import { TokenKind, type Liquid, type Template } from 'liquidjs';
import type { LiquidContext } from './liquid-context';

// The batch plan's fast path for bare `{{ path }}` outputs (no filters): a Liquid render per
// recipient and output (a context, an emitter and generators each time) was most of the cost of
// a plain batch. Plain own-property paths to a string, number, boolean or null are read directly,
// with Liquid's stringification and HTML escaping; anything else (size/first/last, arrays, missing
// values, index expressions) still goes to Liquid.
type OutputTemplate = Template & { value: { filters: unknown[]; initial: { postfix: Array<{ kind: number }> } } };

// Judge on the text engine's parse: the HTML engine adds its escaping as a filter to every output.
export const isBareOutput = (t: Template): t is OutputTemplate => {
  if (t.token.kind !== TokenKind.Output) return false;
  const { value } = t as OutputTemplate;
  return value.filters.length === 0 && value.initial.postfix.length === 1 && value.initial.postfix[0].kind === TokenKind.PropertyAccess;
};

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

export const outputReader = (template: OutputTemplate, engine: Liquid, html: boolean): ((ctx: LiquidContext) => string) => {
  const props = template.value.initial.postfix[0] as unknown as { props: Array<{ kind: number; content?: string }> };
  const path = props.props.every((p) => p.kind === TokenKind.Word || p.kind === TokenKind.Quoted)
    ? props.props.map((p) => (p.kind === TokenKind.Word ? (p as unknown as { getText(): string }).getText() : String(p.content)))
    : undefined;
  const slow = (ctx: LiquidContext) => engine.renderSync([template], ctx) as string;
  if (!path) return slow;
  return (ctx: LiquidContext): string => {
    let value: unknown = ctx;
    for (const key of path) {
      if (!isPlain(value) || !Object.prototype.hasOwnProperty.call(value, key)) return slow(ctx);
      value = value[key];
    }
    if (value === null) return '';
    if (typeof value === 'string') return html ? escapeHtml(value) : value;
    if (typeof value === 'number' || typeof value === 'boolean') return html ? escapeHtml(String(value)) : String(value);
    return slow(ctx);
  };
};
