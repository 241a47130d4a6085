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
  const variables = new Map<string, { template: Template; engine: Liquid }>();
  const translate = (part: Part): string =>
    parts[part]
      .map((t) => {
        if (isHtml(t)) return t.str;
        const key = `${part === 'html' ? 'h' : 't'}:${t.token.getText()}`;
        let name = [...variables.keys()].indexOf(key);
        if (name < 0) {
          variables.set(key, { template: t, engine: engineOf(part, engines) });
          name = variables.size - 1;
        }
        return `%recipient.v${name}%`;
      })
      .join('');
  const translated = { subject: translate('subject'), html: translate('html'), text: translate('text') };
  const entries = [...variables.values()];
  return {
    mode: 'batch',
    parts: translated,
    variables: (ctx) => Object.fromEntries(entries.map((v, i) => [`v${i}`, v.engine.renderSync([v.template], ctx) as string])),
  };
};
