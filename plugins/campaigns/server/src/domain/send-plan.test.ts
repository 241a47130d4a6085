import { createLiquid } from './liquid';
import type { LiquidContext } from './liquid-context';
import { planSend } from './send-plan';

const engines = { html: createLiquid({ escapeHtml: true }), text: createLiquid() };
const parse = (subject: string, html: string, text: string) => ({ subject, html, text });
const ctx = (firstName: string) =>
  ({
    subscriber: {
      email: 'a@x.test',
      first_name: firstName,
      last_name: null,
      status: 'active',
      time_zone: null,
      language: null,
      created_at: '',
      tags: [],
      fields: {},
    },
    segments: [],
    campaign: { name: 'C', subject: 'S' },
    links: { unsubscribe: 'https://u/1', preferences: 'https://p/1' },
    sender: { name: 'N', address: 'n@x.test', postal_address: '' },
  }) as LiquidContext;

describe('send plan', () => {
  it('batches bare outputs as recipient variables, escaped for HTML only', () => {
    const plan = planSend(
      parse('Hi {{ subscriber.first_name }}', '<p>{{ subscriber.first_name }} {{ links.unsubscribe }}</p>', 'Hi {{subscriber.first_name}}'),
      engines
    );
    if (plan.mode !== 'batch') throw new Error('expected batch mode');
    expect(plan.parts).toEqual({
      subject: 'Hi %recipient.v0%',
      html: '<p>%recipient.v1% %recipient.v2%</p>',
      text: 'Hi %recipient.v3%',
    });
    expect(plan.variables(ctx('<Ada>'))).toEqual({ v0: '<Ada>', v1: '&lt;Ada&gt;', v2: 'https://u/1', v3: '<Ada>' });
  });

  it('renders per recipient when a part has a condition or a filter', () => {
    for (const html of ['{% if subscriber.first_name %}Hi{% endif %}', '{{ subscriber.first_name | upcase }}']) {
      const plan = planSend(parse('S', html, 'T'), engines);
      expect(plan.mode).toBe('single');
      if (plan.mode === 'single') expect(plan.render(ctx('ada')).subject).toBe('S');
    }
    const plan = planSend(parse('S', '{% if subscriber.first_name == "ada" %}Hi {{ subscriber.first_name }}{% endif %}', 'T'), engines);
    if (plan.mode === 'single') expect(plan.render(ctx('ada')).html).toBe('Hi ada');
  });

  // Plain outputs are read straight from the data in batch mode: what a recipient sees must be
  // exactly what Liquid would have rendered for them.
  it.each<[string, unknown]>([
    ['quotes and markup', `"O'Neil" <b>&amp;</b>`],
    ['a number', 42.5],
    ['zero', 0],
    ['true', true],
    ['false', false],
    ['null', null],
    ['a list', ['a', 'b']],
    ['nested data', { a: 1 }],
  ])('substitutes %s exactly as Liquid renders it', (_label, value) => {
    const html = '<p>{{ subscriber.fields.x }}|{{ subscriber.last_name }}|{{ subscriber.fields.missing }}|{{ subscriber.tags }}</p>';
    const text = '{{ subscriber.fields.x }}|{{ subscriber.tags.size }}';
    const plan = planSend(parse('{{ subscriber.fields.x }}', html, text), engines);
    if (plan.mode !== 'batch') throw new Error('expected batch mode');
    const context = ctx('Ada');
    context.subscriber.fields = { x: value as never };
    context.subscriber.tags = ['vip', '<b>'];
    const variables = plan.variables(context);
    const filled = (part: string) => part.replace(/%recipient\.(\w+)%/g, (_m, name: string) => String(variables[name]));
    expect(filled(plan.parts.subject)).toBe(engines.text.parseAndRenderSync('{{ subscriber.fields.x }}', context));
    expect(filled(plan.parts.html)).toBe(engines.html.parseAndRenderSync(html, context));
    expect(filled(plan.parts.text)).toBe(engines.text.parseAndRenderSync(text, context));
  });
});
