import { createElement as h } from 'react';
import { Body, Container, Head, Html, Img, Preview, Section } from '@react-email/components';
import { toPlainText } from '@react-email/render';
import { renderToStaticMarkup } from 'react-dom/server';
import { walkBlocks, type Block, type TemplateBody } from '../blocks';
import type { Brand } from './brand';
import { renderBlock } from './blocks';
import { liquidTokens } from './liquid-tokens';

export interface RenderedEmail {
  /** HTML with Liquid left in, personalised per recipient at send time. */
  html: string;
  /** The plain-text part, Liquid left in as well. */
  text: string;
  /** documentIds of the segments the blocks' conditions refer to. */
  segments: string[];
}

// Columns stack on narrow screens; most mail apps honour a media query in <head>.
const RESPONSIVE_CSS =
  '@media only screen and (max-width: 600px) { .herald-column { display: block !important; width: 100% !important; } }';

const DOCTYPE = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">';

// Headings keep their case and links show their address in the plain-text part.
const TEXT_SELECTORS = ['h1', 'h2', 'h3'].map((selector) => ({ selector, options: { uppercase: false } }));

const withFooter = (blocks: Block[]): Block[] =>
  blocks.some((b) => b.type === 'footer') ? blocks : [...blocks, { id: 'footer', type: 'footer' }];

export const referencedSegments = (body: TemplateBody): string[] => {
  const ids = new Set<string>();
  for (const { block } of walkBlocks(body.blocks)) if (block.showIf?.type === 'in_segment') ids.add(block.showIf.segment);
  return [...ids];
};

// Blocks and brand to a responsive email, once per campaign: the result still holds Liquid.
export const renderEmail = (body: TemplateBody, brand: Brand, { preheader = '' }: { preheader?: string } = {}): RenderedEmail => {
  const liquid = liquidTokens();
  const scope = { brand, liquid };
  const element = h(
    Html,
    { lang: 'en' },
    h(Head, null, h('style', { dangerouslySetInnerHTML: { __html: RESPONSIVE_CSS } })),
    preheader ? h(Preview, null, liquid.protect(preheader)) : null,
    h(
      Body,
      {
        style: {
          backgroundColor: brand.backgroundColor,
          fontFamily: brand.fontFamily,
          color: brand.textColor,
          margin: 0,
          padding: '24px 0',
        },
      },
      h(
        Container,
        { style: { maxWidth: 600, width: '100%', backgroundColor: brand.contentColor, padding: 24 } },
        brand.logoUrl
          ? h(Section, { style: { paddingBottom: 16 } }, h(Img, { src: brand.logoUrl, alt: brand.senderName, height: 40 }))
          : null,
        ...withFooter(body.blocks).map((block, i) => renderBlock(block, i, scope))
      )
    )
  );
  // Rendered synchronously: @react-email/render's async render loads react-dom through a dynamic
  // import, which fails inside Jest's module system; the static markup is the same here.
  const markup = renderToStaticMarkup(element);
  const html = `${DOCTYPE}${markup}`;
  const text = toPlainText(markup, { selectors: TEXT_SELECTORS });
  return { html: liquid.restore(html), text: liquid.restore(text), segments: referencedSegments(body) };
};
