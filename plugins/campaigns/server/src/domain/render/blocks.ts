import { createElement as h, Fragment, type CSSProperties, type ReactElement } from 'react';
import { Button, Column, Heading, Hr, Img, Link, Row, Section, Text } from '@react-email/components';
import type { Block, LeafBlock, RichNode, Span } from '../blocks';
import type { Brand } from './brand';
import { conditionExpression } from './conditions';
import type { LiquidTokens } from './liquid-tokens';

export interface RenderScope {
  brand: Brand;
  liquid: LiquidTokens;
}

const HEADING_SIZES = { 1: 28, 2: 22, 3: 18 } as const;
const SOCIAL_LABELS = {
  facebook: 'Facebook',
  x: 'X',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  tiktok: 'TikTok',
  website: 'Website',
};
const paragraph: CSSProperties = { fontSize: 16, lineHeight: '24px', margin: '0 0 12px' };

const renderSpan = (span: Span, i: number, { brand, liquid }: RenderScope): ReactElement => {
  let node: ReactElement | string = liquid.protect(span.text);
  if (span.bold) node = h('strong', null, node);
  if (span.italic) node = h('em', null, node);
  if (span.href) node = h(Link, { href: liquid.protect(span.href), style: { color: brand.primaryColor } }, node);
  return h('span', { key: i }, node);
};

const renderRich = (node: RichNode, i: number, scope: RenderScope): ReactElement => {
  const spans = (list: Span[]) => list.map((span, s) => renderSpan(span, s, scope));
  if (node.kind === 'paragraph') return h(Text, { key: i, style: paragraph }, ...spans(node.spans));
  return h(
    node.ordered ? 'ol' : 'ul',
    { key: i, style: { ...paragraph, paddingLeft: 24 } },
    node.items.map((item, n) => h('li', { key: n }, ...spans(item)))
  );
};

const footer = (block: Extract<LeafBlock, { type: 'footer' }>, { liquid }: RenderScope): ReactElement => {
  const small: CSSProperties = { fontSize: 12, lineHeight: '18px', color: '#6b7280', margin: '0 0 6px', textAlign: 'center' };
  const link = (href: string, label: string) =>
    h(Link, { href: liquid.protect(href), style: { color: '#6b7280', textDecoration: 'underline' } }, label);
  return h(
    Section,
    { style: { padding: '24px 0 0' } },
    block.text ? h(Text, { style: small }, liquid.protect(block.text)) : null,
    h(Text, { style: small }, liquid.protect('{{ sender.name }} · {{ sender.postal_address }}')),
    h(
      Text,
      { style: small },
      link('{{ links.unsubscribe }}', 'Unsubscribe'),
      ' · ',
      link('{{ links.preferences }}', 'Update your preferences')
    )
  );
};

const renderLeaf = (block: LeafBlock, scope: RenderScope): ReactElement => {
  const { brand, liquid } = scope;
  switch (block.type) {
    case 'heading':
      return h(
        Heading,
        {
          as: `h${block.level}`,
          style: { fontSize: HEADING_SIZES[block.level], margin: '0 0 12px', textAlign: block.align ?? 'left', color: brand.textColor },
        },
        liquid.protect(block.text)
      );
    case 'text':
      return h(Section, null, ...block.content.map((node, i) => renderRich(node, i, scope)));
    case 'button':
      return h(
        Section,
        { style: { textAlign: block.align ?? 'center', padding: '8px 0 16px' } },
        h(
          Button,
          {
            href: liquid.protect(block.href),
            style: {
              backgroundColor: brand.primaryColor,
              color: '#ffffff',
              borderRadius: 4,
              padding: '12px 24px',
              fontSize: 16,
              textDecoration: 'none',
            },
          },
          liquid.protect(block.label)
        )
      );
    case 'image': {
      const img = h(Img, {
        src: liquid.protect(block.src),
        alt: liquid.protect(block.alt),
        width: block.width ?? 600,
        style: { maxWidth: '100%', height: 'auto' },
      });
      return h(Section, { style: { padding: '0 0 16px' } }, block.href ? h(Link, { href: liquid.protect(block.href) }, img) : img);
    }
    case 'divider':
      return h(Hr, { style: { borderColor: '#e5e7eb', margin: '16px 0' } });
    case 'spacer':
      return h(Section, { style: { height: block.height, lineHeight: `${block.height}px`, fontSize: 1 } }, '\u00a0');
    case 'social':
      return h(
        Text,
        { style: { ...paragraph, textAlign: 'center' } },
        ...block.links.flatMap((link, i) => [
          i > 0 ? ' · ' : '',
          h(Link, { key: i, href: liquid.protect(link.url), style: { color: brand.primaryColor } }, SOCIAL_LABELS[link.network]),
        ])
      );
    case 'html':
      return h('div', { dangerouslySetInnerHTML: { __html: liquid.protect(block.html) } });
    case 'footer':
      return footer(block, scope);
  }
};

// One block as React Email elements; a "show only if" becomes {% if %} ... {% endif %} around it.
// Footers always show: the unsubscribe link and postal address are required in every message.
export const renderBlock = (block: Block, key: number | string, scope: RenderScope): ReactElement => {
  const element =
    block.type === 'columns'
      ? h(
          Row,
          null,
          ...block.columns.map((column, c) =>
            h(
              Column,
              {
                key: c,
                className: 'herald-column',
                style: { width: `${Math.floor(100 / block.columns.length)}%`, verticalAlign: 'top', padding: '0 8px' },
              },
              ...column.map((child, i) => renderBlock(child, i, scope))
            )
          )
        )
      : renderLeaf(block, scope);
  if (!block.showIf || block.type === 'footer') return h(Fragment, { key }, element);
  const { liquid } = scope;
  return h(Fragment, { key }, liquid.raw(`{% if ${conditionExpression(block.showIf)} %}`), element, liquid.raw('{% endif %}'));
};
