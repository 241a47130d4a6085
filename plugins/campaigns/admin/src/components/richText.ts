import type { RichNode, Span } from './blocks';

// Rich text is edited as a small Markdown subset (**bold**, *italic*, [text](url), "- " and "1. "
// lists, blank lines between paragraphs) and stored as the structure the server renders safely.

const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|\[(.+?)\]\((\S+?)\)/g;

const parseSpans = (line: string): Span[] => {
  const spans: Span[] = [];
  let last = 0;
  for (const match of line.matchAll(INLINE)) {
    if (match.index > last) spans.push({ text: line.slice(last, match.index) });
    if (match[1] !== undefined) spans.push({ text: match[1], bold: true });
    else if (match[2] !== undefined) spans.push({ text: match[2], italic: true });
    else spans.push({ text: match[3], href: match[4] });
    last = match.index + match[0].length;
  }
  if (last < line.length) spans.push({ text: line.slice(last) });
  return spans;
};

const LIST_ITEM = /^\s*(-|\d+\.)\s+/;

export const parseRichText = (source: string): RichNode[] =>
  source
    .split(/\n\s*\n/)
    .map((chunk) => chunk.split('\n').filter((line) => line.trim()))
    .filter((lines) => lines.length > 0)
    .map((lines): RichNode => {
      const first = LIST_ITEM.exec(lines[0]);
      if (first && lines.every((line) => LIST_ITEM.test(line))) {
        return { kind: 'list', ordered: first[1] !== '-', items: lines.map((line) => parseSpans(line.replace(LIST_ITEM, ''))) };
      }
      return { kind: 'paragraph', spans: parseSpans(lines.join(' ')) };
    });

const formatSpan = (span: Span): string => {
  if (span.href) return `[${span.text}](${span.href})`;
  if (span.bold) return `**${span.text}**`;
  if (span.italic) return `*${span.text}*`;
  return span.text;
};

const formatSpans = (spans: Span[]) => spans.map(formatSpan).join('');

export const formatRichText = (nodes: RichNode[]): string =>
  nodes
    .map((node) =>
      node.kind === 'paragraph'
        ? formatSpans(node.spans)
        : node.items.map((item, i) => `${node.ordered ? `${i + 1}.` : '-'} ${formatSpans(item)}`).join('\n')
    )
    .join('\n\n');

// Toolbar edits on the Markdown draft: the new text and the range to select afterwards.
export type Edit = { text: string; start: number; end: number };
export type Format = 'bold' | 'italic' | 'link' | 'bullets' | 'numbers';

const wrap = ({ text, start, end }: Edit, before: string, after: string, placeholder: string): Edit => {
  const inner = text.slice(start, end);
  const opens = start - before.length;
  // Already wrapped: unwrap, so the buttons toggle (the * of italic is not half of a **).
  const wrapped = text.slice(opens, start) === before && text.slice(end, end + after.length) === after;
  if (wrapped && (before === '**' || (text[opens - 1] !== '*' && text[end + 1] !== '*'))) {
    return { text: text.slice(0, opens) + inner + text.slice(end + after.length), start: opens, end: end - before.length };
  }
  const chosen = inner || placeholder;
  return {
    text: text.slice(0, start) + before + chosen + after + text.slice(end),
    start: start + before.length,
    end: start + before.length + chosen.length,
  };
};

const link = ({ text, start, end }: Edit): Edit => {
  const label = text.slice(start, end) || 'link text';
  const url = 'https://';
  const inserted = `[${label}](${url})`;
  // The URL is selected, ready to be typed over.
  const urlStart = start + label.length + 3;
  return { text: text.slice(0, start) + inserted + text.slice(end), start: urlStart, end: urlStart + url.length };
};

// Prefixes every selected line ("- " or "1. "), or removes the prefix when all lines have it;
// blank lines keep the list apart from neighbouring paragraphs.
const list = ({ text, start, end }: Edit, ordered: boolean): Edit => {
  const from = start === 0 ? 0 : text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  const to = newline === -1 ? text.length : newline;
  const lines = text.slice(from, to).split('\n');
  const marker = ordered ? /^\s*\d+\.\s+/ : /^\s*-\s+/;
  const content = lines.filter((line) => line.trim());
  const remove = content.length > 0 && content.every((line) => marker.test(line));
  let n = 0;
  const block = lines
    .map((line) => {
      if (!line.trim()) return line;
      const bare = line.replace(LIST_ITEM, '');
      if (remove) return bare;
      n += 1;
      return `${ordered ? `${n}.` : '-'} ${bare}`;
    })
    .join('\n');
  const spaced = !remove && content.length > 0;
  const before = spaced && from > 1 && text[from - 2] !== '\n' ? '\n' : '';
  const after = spaced && to + 1 < text.length && text[to + 1] !== '\n' ? '\n' : '';
  const next = text.slice(0, from) + before + block + after + text.slice(to);
  return { text: next, start: from + before.length, end: from + before.length + block.length };
};

export const applyFormat = (format: Format, edit: Edit): Edit => {
  switch (format) {
    case 'bold':
      return wrap(edit, '**', '**', 'bold text');
    case 'italic':
      return wrap(edit, '*', '*', 'italic text');
    case 'link':
      return link(edit);
    case 'bullets':
      return list(edit, false);
    case 'numbers':
      return list(edit, true);
  }
};
