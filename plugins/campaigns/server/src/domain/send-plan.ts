import { TokenKind, type Liquid, type Template } from 'liquidjs';
import type { LiquidContext } from './liquid-context';

// How one campaign's messages are built, decided once per campaign by parsing its Liquid once.
//  - batch: every part is plain text plus bare `{{ path }}` outputs (no tags, no filters), so the
//    messages differ only by substitutions: each output becomes %recipient.<name>% and its value
//    (rendered per recipient, HTML-escaped for the HTML part) travels in recipient-variables.
//  - single: anything else (conditions, loops, filters) renders per recipient.
export interface Sources {
  subject: string;
  html: string;
  text: string;
}
type ParsedParts = Record<keyof Sources, Template[]>;

export interface Engines {
  html: Liquid; // escapes outputs
  text: Liquid;
}

export type Rendered = { subject: string; html: string; text: string };

export type SendPlan =
  | { mode: 'batch'; parts: Rendered; variables: (ctx: LiquidContext) => Record<string, string> }
  | { mode: 'single'; render: (ctx: LiquidContext) => Rendered };

type Part = keyof ParsedParts;
type OutputTemplate = Template & { value: { filters: unknown[]; initial: { postfix: Array<{ kind: number }> } } };

const isHtml = (t: Template): t is Template & { str: string } => t.token.kind === TokenKind.HTML;
const isBareOutput = (t: Template): t is OutputTemplate => {
  if (t.token.kind !== TokenKind.Output) return false;
  const { value } = t as OutputTemplate;
  return value.filters.length === 0 && value.initial.postfix.length === 1 && value.initial.postfix[0].kind === TokenKind.PropertyAccess;
};

// Judged on the text engine's parse: the HTML engine adds its escaping as a filter to every output.
const isBatchable = (parsed: Template[][]): boolean => parsed.every((ts) => ts.every((t) => isHtml(t) || isBareOutput(t)));

const engineOf = (part: Part, engines: Engines) => (part === 'html' ? engines.html : engines.text);

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
const isPlain = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

// A bare output renders once per recipient and variable, so a Liquid render (a context, an emitter
// and generators each time) was most of the batch cost. Plain own-property paths to a string,
// number, boolean or null are read directly, with Liquid's stringification and HTML escaping;
// anything else (size/first/last, arrays, missing values, index expressions) still goes to Liquid.
const variableReader = (template: OutputTemplate, engine: Liquid, html: boolean) => {
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

export const planSend = (sources: Sources, engines: Engines): SendPlan => {
  const parts: ParsedParts = {
    subject: engines.text.parse(sources.subject),
    html: engines.html.parse(sources.html),
    text: engines.text.parse(sources.text),
  };
  if (!isBatchable([parts.subject, engines.text.parse(sources.html), parts.text])) {
    const render = (part: Part, ctx: LiquidContext) => engineOf(part, engines).renderSync(parts[part], ctx) as string;
    return { mode: 'single', render: (ctx) => ({ subject: render('subject', ctx), html: render('html', ctx), text: render('text', ctx) }) };
  }
  // One variable per distinct output and escaping: `{{ a }}` in the HTML and in the subject differ.
  const variables = new Map<string, (ctx: LiquidContext) => string>();
  const translate = (part: Part): string =>
    parts[part]
      .map((t) => {
        if (isHtml(t)) return t.str;
        const key = `${part === 'html' ? 'h' : 't'}:${t.token.getText()}`;
        let name = [...variables.keys()].indexOf(key);
        if (name < 0) {
          variables.set(key, variableReader(t as OutputTemplate, engineOf(part, engines), part === 'html'));
          name = variables.size - 1;
        }
        return `%recipient.v${name}%`;
      })
      .join('');
  const translated = { subject: translate('subject'), html: translate('html'), text: translate('text') };
  const readers = [...variables.values()];
  return {
    mode: 'batch',
    parts: translated,
    variables: (ctx) => {
      const out: Record<string, string> = {};
      for (let i = 0; i < readers.length; i++) out[`v${i}`] = readers[i](ctx);
      return out;
    },
  };
};
