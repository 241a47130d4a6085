import { Context, TokenKind, type Liquid, type Template } from 'liquidjs';
import type { LiquidContext } from './liquid-context';
import { isBareOutput, outputReader } from './output-reader';

// How one campaign's messages are built, decided once per campaign by parsing its Liquid once.
// Messages are made to differ only by substitutions, so that recipients share Mailgun batch calls:
// each part keeps its static top-level HTML and text, and every stretch of Liquid between two
// pieces of static text becomes one %recipient.vN% whose value is that stretch rendered for the
// recipient (HTML-escaped outputs in the HTML part, as a whole render would give).
//  - In a part that only has bare `{{ path }}` outputs, each distinct output is one variable, read
//    straight from the data (output-reader.ts).
//  - In a part with tags or filters (conditions, "show only if" blocks, loops, assign), Liquid
//    still renders every stretch, in order, within ONE liquidjs Context per part and recipient, so
//    what `assign`, `capture` or `increment` leave behind reaches the stretches after them exactly
//    as in a whole render. Bare outputs there are read directly too, unless the part can change
//    variables.
//  - `break`/`continue` outside a loop stop a whole render but would only stop one stretch: such
//    templates have no batch form and render per recipient, one call each. So do templates with
//    tags or filters when `renderedBatches` is off (CAMPAIGN_RENDERED_BATCHES=false).
// render() builds the whole message for one recipient: the one-call path (those templates, and
// recipients whose values cannot travel in recipient-variables; see send-batches.ts).
export interface Sources {
  subject: string;
  html: string;
  text: string;
}

export interface Engines {
  html: Liquid; // escapes outputs
  text: Liquid;
}

export type Rendered = { subject: string; html: string; text: string };

export interface SendPlan {
  /** Shared parts and each recipient's values; absent when every message must render alone. */
  batch?: { parts: Rendered; variables: (ctx: LiquidContext) => Record<string, string> };
  render: (ctx: LiquidContext) => Rendered;
}

type Part = keyof Rendered;
const PARTS: Part[] = ['subject', 'html', 'text'];

// Tags that write variables a later output could read.
const WRITES = /\{%-?\s*(?:assign|capture|increment|decrement|liquid)\b/;
// Conservative: any mention of break/continue in a tag (inside a loop they would be harmless).
const INTERRUPTS = /\{%-?[^%]*\b(?:break|continue)\b/;

const isStatic = (t: Template): t is Template & { str: string } => t.token.kind === TokenKind.HTML;

// What a recipient's variables are computed from: their data, and one Liquid Context per part
// created on first use.
interface Scope {
  data: LiquidContext;
  contexts: Partial<Record<Part, Context>>;
}
type Reader = (scope: Scope) => string;

export const planSend = (sources: Sources, engines: Engines, { renderedBatches = true } = {}): SendPlan => {
  const engineOf = (part: Part) => (part === 'html' ? engines.html : engines.text);
  const parsed = Object.fromEntries(PARTS.map((part) => [part, engineOf(part).parse(sources[part])])) as Record<Part, Template[]>;
  // Same tokens as `parsed`; outputs judged without the HTML engine's escaping filter.
  const judged = { ...parsed, html: engines.text.parse(sources.html) };
  const render = (ctx: LiquidContext): Rendered =>
    Object.fromEntries(PARTS.map((part) => [part, engineOf(part).renderSync(parsed[part], ctx) as string])) as Rendered;
  const plain = PARTS.every((part) => judged[part].every((t) => isStatic(t) || isBareOutput(t)));
  if (PARTS.some((part) => INTERRUPTS.test(sources[part])) || (!plain && !renderedBatches)) return { render };

  const readers: Reader[] = [];
  const shared = new Map<string, number>(); // a bare output's variable, by escaping and source text
  const variable = (read: Reader, key?: string): string => {
    let index = key === undefined ? undefined : shared.get(key);
    if (index === undefined) {
      index = readers.push(read) - 1;
      if (key !== undefined) shared.set(key, index);
    }
    return `%recipient.v${index}%`;
  };

  const translate = (part: Part): string => {
    const engine = engineOf(part);
    const templates = parsed[part];
    const direct = !WRITES.test(sources[part]);
    const contextOf = (scope: Scope) =>
      (scope.contexts[part] ??= new Context(scope.data, engine.options, { sync: true }, { liquid: engine }));
    let out = '';
    let stretch: Template[] = [];
    const flush = () => {
      if (stretch.length === 0) return;
      const run = stretch;
      out += variable((scope) => engine.renderSync(run, contextOf(scope)) as string);
      stretch = [];
    };
    templates.forEach((t, i) => {
      const bare = judged[part][i];
      if (isStatic(t)) {
        flush();
        out += t.str;
      } else if (direct && isBareOutput(bare)) {
        flush();
        const read = outputReader(t as typeof bare, engine, part === 'html');
        out += variable((scope) => read(scope.data), `${part === 'html' ? 'h' : 't'}:${bare.token.getText()}`);
      } else stretch.push(t);
    });
    flush();
    return out;
  };

  const parts = Object.fromEntries(PARTS.map((part) => [part, translate(part)])) as Rendered;
  return {
    render,
    batch: {
      parts,
      // In variable order: a part's stretches render in source order within its Context.
      variables: (data) => {
        const scope: Scope = { data, contexts: {} };
        const out: Record<string, string> = {};
        for (let i = 0; i < readers.length; i++) out[`v${i}`] = readers[i](scope);
        return out;
      },
    },
  };
};
