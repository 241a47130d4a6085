// The editor's view of a template body; the server (domain/blocks.ts) validates every save.
export type Condition =
  | { type: 'has_tag'; tag: string }
  | { type: 'field'; field: string; operator: string; value?: string | number | boolean }
  | { type: 'in_segment'; segment: string };

export type Span = { text: string; bold?: boolean; italic?: boolean; href?: string };
export type RichNode = { kind: 'paragraph'; spans: Span[] } | { kind: 'list'; ordered: boolean; items: Span[][] };

type Base = { id: string; showIf?: Condition };
export type Block = Base &
  (
    | { type: 'heading'; text: string; level: 1 | 2 | 3; align?: string }
    | { type: 'text'; content: RichNode[] }
    | { type: 'button'; label: string; href: string; align?: string }
    | { type: 'image'; src: string; alt: string; href?: string; width?: number }
    | { type: 'divider' }
    | { type: 'spacer'; height: number }
    | { type: 'columns'; columns: Block[][] }
    | { type: 'social'; links: Array<{ network: string; url: string }> }
    | { type: 'html'; html: string }
    | { type: 'footer'; text?: string }
  );

export type BlockType = Block['type'];

export const BLOCK_LABELS: Record<BlockType, string> = {
  heading: 'Heading',
  text: 'Text',
  button: 'Button',
  image: 'Image',
  divider: 'Divider',
  spacer: 'Spacer',
  columns: 'Columns',
  social: 'Social links',
  html: 'Raw HTML',
  footer: 'Footer',
};

export const newId = () => Math.random().toString(36).slice(2, 10);

export const newBlock = (type: BlockType): Block => {
  const id = newId();
  switch (type) {
    case 'heading':
      return { id, type, text: 'A heading', level: 2 };
    case 'text':
      return { id, type, content: [{ kind: 'paragraph', spans: [{ text: 'Write something.' }] }] };
    case 'button':
      return { id, type, label: 'Read more', href: 'https://' };
    case 'image':
      return { id, type, src: '', alt: '' };
    case 'spacer':
      return { id, type, height: 24 };
    case 'columns':
      return { id, type, columns: [[], []] };
    case 'social':
      return { id, type, links: [{ network: 'website', url: 'https://' }] };
    case 'html':
      return { id, type, html: '<p></p>' };
    case 'divider':
    case 'footer':
      return { id, type };
  }
};

export const move = <T>(list: T[], from: number, to: number): T[] => {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  next.splice(to, 0, ...next.splice(from, 1));
  return next;
};
