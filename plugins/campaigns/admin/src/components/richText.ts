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
