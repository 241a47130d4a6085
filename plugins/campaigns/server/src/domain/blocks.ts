import { z } from 'zod';

// A template body: a tree of blocks, stored as { blocks: [...] } (Strapi 5 breaks on a JSON
// attribute whose top level is an array). Rich text is a structure, never HTML, so it cannot carry markup.

const MAX_TEXT = 10_000;
const text = (label: string, max = MAX_TEXT) => z.string({ error: `${label} must be text` }).max(max, `${label} is too long (max ${max})`);
const required = (label: string, max?: number) => text(label, max).trim().min(1, `${label} is required`);

// http(s) and mailto links, or a Liquid output such as {{ links.preferences }}.
const href = (label: string) =>
  required(label, 2000).refine(
    (value) => /^(https?:\/\/|mailto:|\{\{)/i.test(value),
    `${label} must start with https://, http://, mailto: or {{`
  );

// Values are written into a double-quoted Liquid literal, which has no escape for the quote.
const literal = z.union([
  text('value', 200).refine((value) => !/["\n]/.test(value), 'value may not contain double quotes or line breaks'),
  z.number({ error: 'value must be text, a number or true/false' }).finite(),
  z.boolean(),
]);

export const FIELD_OPERATORS = ['eq', 'ne', 'gt', 'lt', 'contains', 'present', 'blank'] as const;
export const SUBSCRIBER_PROPERTIES = ['email', 'first_name', 'last_name', 'status', 'language', 'time_zone'] as const;

export const conditionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('has_tag'), tag: required('tag', 100).refine((t) => !t.includes('"'), 'tag may not contain "') }),
    z
      .strictObject({
        type: z.literal('field'),
        // A subscriber property, or fields.<key> for a custom field (checked against the definitions).
        field: z
          .string({ error: 'field is required' })
          .regex(
            new RegExp(`^(${SUBSCRIBER_PROPERTIES.join('|')}|fields\\.[a-z][a-z0-9_]*)$`),
            'field must be a subscriber property or fields.<key>'
          ),
        operator: z.enum(FIELD_OPERATORS, { error: `operator must be one of ${FIELD_OPERATORS.join(', ')}` }),
        value: literal.optional(),
      })
      .refine((c) => c.operator === 'present' || c.operator === 'blank' || c.value !== undefined, {
        message: 'value is required for this operator',
        path: ['value'],
      }),
    z.strictObject({ type: z.literal('in_segment'), segment: required('segment', 64) }),
  ],
  { error: 'showIf.type must be has_tag, field or in_segment' }
);

const span = z.strictObject({
  text: text('text'),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  href: href('link').optional(),
});
const spans = z.array(span, { error: 'expected a list of text spans' }).max(500);

export const richNodeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('paragraph'), spans }),
  z.strictObject({ kind: z.literal('list'), ordered: z.boolean(), items: z.array(spans).min(1, 'a list needs an item').max(200) }),
]);

const align = z.enum(['left', 'center', 'right']).optional();
const base = { id: required('id', 64), showIf: conditionSchema.optional() };

const SOCIAL_NETWORKS = ['facebook', 'x', 'instagram', 'linkedin', 'youtube', 'tiktok', 'website'] as const;
const FORBIDDEN_HTML = /<\s*\/?\s*(script|iframe|object|embed|form)\b|\son[a-z]+\s*=|javascript:/i;

const leafBlocks = [
  z.strictObject({
    ...base,
    type: z.literal('heading'),
    text: required('text', 500),
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    align,
  }),
  z.strictObject({ ...base, type: z.literal('text'), content: z.array(richNodeSchema).max(200) }),
  z.strictObject({ ...base, type: z.literal('button'), label: required('label', 200), href: href('href'), align }),
  z.strictObject({
    ...base,
    type: z.literal('image'),
    src: required('src', 2000).refine((v) => /^(https?:\/\/|\/)/i.test(v), 'src must be an http(s) URL or a media library path'),
    alt: text('alt', 300),
    href: href('href').optional(),
    width: z.number().int().min(16).max(600).optional(),
  }),
  z.strictObject({ ...base, type: z.literal('divider') }),
  z.strictObject({
    ...base,
    type: z.literal('spacer'),
    height: z.number().int().min(4, 'height is at least 4').max(200, 'height is at most 200'),
  }),
  z.strictObject({
    ...base,
    type: z.literal('social'),
    links: z.array(z.strictObject({ network: z.enum(SOCIAL_NETWORKS), url: href('url') })).max(10),
  }),
  z.strictObject({
    ...base,
    type: z.literal('html'),
    html: text('html', 50_000).refine(
      (v) => !FORBIDDEN_HTML.test(v),
      'html may not contain scripts, frames, forms, event handlers or javascript: links'
    ),
  }),
  z.strictObject({ ...base, type: z.literal('footer'), text: text('text', 1000).optional() }),
] as const;

const leafBlock = z.discriminatedUnion('type', leafBlocks, { error: 'unknown block type' });

// Columns hold leaf blocks only: nested column tables misrender in Outlook.
const columnsBlock = z.strictObject({
  ...base,
  type: z.literal('columns'),
  columns: z
    .array(z.array(leafBlock).max(50), { error: 'columns must be a list of columns' })
    .min(2, 'use 2 or 3 columns')
    .max(3, 'use 2 or 3 columns'),
});

export const blockSchema = z.discriminatedUnion('type', [...leafBlocks, columnsBlock], { error: 'unknown block type' });
export const bodySchema = z.strictObject(
  { blocks: z.array(blockSchema, { error: 'blocks must be a list' }).max(200, 'at most 200 blocks') },
  { error: 'body must be { blocks: [...] }' }
);

export type Condition = z.infer<typeof conditionSchema>;
export type Span = z.infer<typeof span>;
export type RichNode = z.infer<typeof richNodeSchema>;
export type LeafBlock = z.infer<typeof leafBlock>;
export type Block = z.infer<typeof blockSchema>;
export type TemplateBody = z.infer<typeof bodySchema>;
export type BlockPath = Array<string | number>;

export type BodyCheck = { ok: true; body: TemplateBody } | { ok: false; path: BlockPath; message: string };

export const parseBody = (input: unknown): BodyCheck => {
  const parsed = bodySchema.safeParse(input);
  if (parsed.success) return { ok: true, body: parsed.data };
  const [first] = parsed.error.issues;
  return { ok: false, path: first.path.map((key) => (typeof key === 'number' ? key : String(key))), message: first.message };
};

// Every block with its path in the body, depth first (columns' children after the columns block).
export function* walkBlocks(blocks: Block[], path: BlockPath = ['blocks']): Generator<{ block: Block | LeafBlock; path: BlockPath }> {
  for (const [i, block] of blocks.entries()) {
    yield { block, path: [...path, i] };
    if (block.type === 'columns') {
      for (const [c, column] of block.columns.entries()) yield* walkBlocks(column, [...path, i, 'columns', c]);
    }
  }
}
