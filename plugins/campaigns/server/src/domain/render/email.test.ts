import { parseBody, type Block } from '../blocks';
import { DEFAULT_BRAND } from './brand';
import { renderEmail } from './email';

const render = async (blocks: unknown[], preheader?: string) => {
  const parsed = parseBody({ blocks });
  if (!parsed.ok) throw new Error(`${parsed.path.join('.')}: ${parsed.message}`);
  return renderEmail(
    parsed.body,
    { ...DEFAULT_BRAND, primaryColor: '#ff0066', logoUrl: 'https://cdn.example.com/logo.png' },
    { preheader }
  );
};

describe('renderEmail', () => {
  it('renders every block kind', async () => {
    const blocks: Block[] = [
      { id: 'h', type: 'heading', level: 2, text: 'Spring news' },
      {
        id: 't',
        type: 'text',
        content: [
          {
            kind: 'paragraph',
            spans: [
              { text: 'Bold', bold: true },
              { text: 'Slanted', italic: true },
              { text: 'Site', href: 'https://example.com/a?b=1' },
            ],
          },
          { kind: 'list', ordered: true, items: [[{ text: 'First' }], [{ text: 'Second' }]] },
          { kind: 'list', ordered: false, items: [[{ text: 'Dot' }]] },
        ],
      },
      { id: 'b', type: 'button', label: 'Shop', href: 'https://example.com/shop' },
      { id: 'i', type: 'image', src: 'https://cdn.example.com/hero.png', alt: 'Hero', href: 'https://example.com', width: 300 },
      { id: 'd', type: 'divider' },
      { id: 's', type: 'spacer', height: 32 },
      {
        id: 'c',
        type: 'columns',
        columns: [
          [{ id: 'l', type: 'heading', level: 3, text: 'Left' }],
          [{ id: 'm', type: 'divider' }],
          [{ id: 'r', type: 'heading', level: 3, text: 'Right' }],
        ],
      },
      { id: 'so', type: 'social', links: [{ network: 'instagram', url: 'https://instagram.com/herald' }] },
      { id: 'raw', type: 'html', html: '<table><tr><td class="custom">Raw cell</td></tr></table>' },
      { id: 'f', type: 'footer', text: 'You signed up at our shop.' },
    ];
    const { html, text } = await render(blocks);
    expect(html).toMatch(/<h2[^>]*>Spring news<\/h2>/);
    expect(html).toContain('<strong>Bold</strong>');
    expect(html).toContain('<em>Slanted</em>');
    expect(html).toMatch(/<a href="https:\/\/example.com\/a\?b=1"[^>]*>Site<\/a>/);
    expect(html).toMatch(/<ol[^>]*><li><span>First<\/span><\/li><li><span>Second<\/span><\/li><\/ol>/);
    expect(html).toMatch(/<ul[^>]*><li><span>Dot<\/span><\/li><\/ul>/);
    expect(html).toMatch(/<a href="https:\/\/example.com\/shop"[^>]*background-color:#ff0066/);
    expect(html).toMatch(/<img alt="Hero"[^>]*src="https:\/\/cdn.example.com\/hero.png"[^>]*width="300"/);
    expect(html).toContain('<hr');
    expect(html).toContain('height:32px');
    expect(html.match(/class="herald-column"[^>]*width:33%/g)).toHaveLength(3);
    expect(html).toMatch(/@media only screen and \(max-width: 600px\)/);
    expect(html).toContain('>Instagram</a>');
    expect(html).toContain('<td class="custom">Raw cell</td>');
    expect(html).toContain('You signed up at our shop.');
    expect(html).toContain('src="https://cdn.example.com/logo.png"');
    expect(text).toContain('Spring news');
    expect(text).toContain('Shop https://example.com/shop');
    expect(text).not.toContain('<');
  });

  it('wraps a block with a condition in a Liquid if, and lists the segments it refers to', async () => {
    const { html, text, segments } = await render([
      { id: 'a', type: 'heading', level: 1, text: 'For VIPs', showIf: { type: 'has_tag', tag: 'VIP' } },
      { id: 'b', type: 'heading', level: 1, text: 'Members', showIf: { type: 'in_segment', segment: 'seg123' } },
      { id: 'c', type: 'heading', level: 1, text: 'Pro', showIf: { type: 'field', field: 'fields.plan', operator: 'eq', value: 'pro' } },
      { id: 'd', type: 'heading', level: 1, text: 'Big', showIf: { type: 'field', field: 'fields.score', operator: 'gt', value: 10 } },
      { id: 'e', type: 'heading', level: 1, text: 'Named', showIf: { type: 'field', field: 'first_name', operator: 'present' } },
    ]);
    expect(html).toMatch(/\{% if subscriber\.tags contains "VIP" %\}<h1[^>]*>For VIPs<\/h1>\{% endif %\}/);
    expect(html).toContain('{% if segments contains "seg123" %}');
    expect(html).toContain('{% if subscriber.fields.plan == "pro" %}');
    expect(html).toContain('{% if subscriber.fields.score > 10 %}');
    expect(html).toContain('{% if subscriber.first_name != blank %}');
    expect(text).toMatch(/\{% if subscriber\.tags contains "VIP" %\}\s*For VIPs\s*\{% endif %\}/);
    expect(segments).toEqual(['seg123']);
  });

  it('always carries a footer with the postal address and the unsubscribe and preference links', async () => {
    const without = await render([{ id: 'h', type: 'heading', level: 1, text: 'Hi' }]);
    const conditional = await render([{ id: 'f', type: 'footer', showIf: { type: 'has_tag', tag: 'never' } }]);
    for (const { html, text } of [without, conditional]) {
      expect(html).toContain('{{ sender.postal_address }}');
      expect(html).toContain('href="{{ links.unsubscribe }}"');
      expect(html).toContain('href="{{ links.preferences }}"');
      expect(html).not.toContain('{% if');
      expect(text).toContain('Unsubscribe {{ links.unsubscribe }}');
    }
    expect(without.html.match(/links\.unsubscribe/g)).toHaveLength(1);
  });

  it('escapes text but leaves Liquid intact in text, attributes and the preheader', async () => {
    const { html, text } = await render(
      [
        { id: 'h', type: 'heading', level: 1, text: '<script>alert("x")</script> & {{ subscriber.first_name | default: "you & me" }}' },
        { id: 'b', type: 'button', label: 'Go', href: 'https://example.com/?e={{ subscriber.email | url_encode }}&x="1"' },
      ],
      'Hi {{ campaign.name | default: "friend" }}'
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; {{ subscriber.first_name | default: "you & me" }}');
    expect(html).toContain('href="https://example.com/?e={{ subscriber.email | url_encode }}&amp;x=&quot;1&quot;"');
    expect(html).toContain('Hi {{ campaign.name | default: "friend" }}');
    expect(text).toContain('<script>alert("x")</script> & {{ subscriber.first_name | default: "you & me" }}');
  });
});
