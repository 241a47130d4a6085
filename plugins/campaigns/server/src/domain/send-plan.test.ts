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
    expect(plan.batch?.parts).toEqual({
      subject: 'Hi %recipient.v0%',
      html: '<p>%recipient.v1% %recipient.v2%</p>',
      text: 'Hi %recipient.v3%',
    });
    expect(plan.batch?.variables(ctx('<Ada>'))).toEqual({ v0: '<Ada>', v1: '&lt;Ada&gt;', v2: 'https://u/1', v3: '<Ada>' });
  });

  it('keeps static HTML shared and turns each stretch of Liquid tags into one variable', () => {
    const html =
      '<h1>{{ subscriber.first_name }}</h1>{% if subscriber.tags contains "vip" %}<p>VIP</p>{% endif %}<p>{{ links.unsubscribe | upcase }}</p>';
    const plan = planSend(parse('S', html, 'T'), engines);
    expect(plan.batch?.parts.html).toBe('<h1>%recipient.v0%</h1>%recipient.v1%<p>%recipient.v2%</p>');
    const vip = ctx('Ada');
    vip.subscriber.tags = ['vip'];
    expect(plan.batch?.variables(vip)).toEqual({ v0: 'Ada', v1: '<p>VIP</p>', v2: 'HTTPS://U/1' });
    expect(plan.batch?.variables(ctx('Bob'))).toEqual({ v0: 'Bob', v1: '', v2: 'HTTPS://U/1' });
  });

  it('renders templates with tags or filters one call per recipient when rendered batches are off', () => {
    const off = { renderedBatches: false };
    expect(planSend(parse('S', '{{ subscriber.first_name | upcase }}', 'T'), engines, off).batch).toBeUndefined();
    expect(planSend(parse('S', '{{ subscriber.first_name }}', 'T'), engines, off).batch).toBeDefined();
  });

  it('renders per recipient alone when a template could break out of a whole render', () => {
    const plan = planSend(parse('S', '{% if subscriber.first_name %}Hi{% break %}{% endif %} there', 'T'), engines);
    expect(plan.batch).toBeUndefined();
    expect(plan.render(ctx('ada'))).toEqual({ subject: 'S', html: 'Hi', text: 'T' });
  });

  // What a recipient of a batch call gets must be exactly what a whole Liquid render gives them.
  const filledFor = (plan: ReturnType<typeof planSend>, context: LiquidContext) => {
    const variables = plan.batch!.variables(context);
    const fill = (part: string) => part.replace(/%recipient\.(\w+)%/g, (_m, name: string) => String(variables[name]));
    const { subject, html, text } = plan.batch!.parts;
    return { subject: fill(subject), html: fill(html), text: fill(text) };
  };

  it.each<[string, string]>([
    ['if/else', '{% if subscriber.tags contains "vip" %}<b>VIP {{ subscriber.first_name }}</b>{% else %}<i>Hi</i>{% endif %}<p>x</p>'],
    ['filters', '<p>{{ subscriber.first_name | upcase | prepend: "<" }}</p><p>{{ subscriber.fields.plan | default: "free" }}</p>'],
    [
      'assign carried across stretches',
      '{% assign n = subscriber.first_name | downcase %}<p>static</p>{{ n }}<p>{{ subscriber.first_name }}</p>',
    ],
    [
      'capture and increment',
      '{% capture c %}<b>{{ subscriber.first_name }}</b>{% endcapture %}<p>{{ c }}</p>{% increment k %}<i>{% increment k %}</i>',
    ],
    ['an assign shadowing data', '{% assign subscriber = campaign %}<p>{{ subscriber.name }}</p>'],
    ['loops', '<ul>{% for t in subscriber.tags %}<li>{{ t }}</li>{% endfor %}</ul>{{ subscriber.tags.size }}'],
  ])('gives each recipient what a whole render gives them: %s', (_label, html) => {
    const plan = planSend(parse('Hi {{ subscriber.first_name }}', html, `{% assign x = "t" %}${html}`), engines);
    for (const [name, tags] of [
      ['Ada', ['vip']],
      ['<Bob & "Co">', []],
    ] as const) {
      // Fresh data for each: `increment` writes its counter into the data it renders.
      const context = () => ({ ...ctx(name), subscriber: { ...ctx(name).subscriber, tags: [...tags] } });
      expect(filledFor(plan, context())).toEqual(plan.render(context()));
    }
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
    const context = ctx('Ada');
    context.subscriber.fields = { x: value as never };
    context.subscriber.tags = ['vip', '<b>'];
    expect(filledFor(plan, context)).toEqual({
      subject: engines.text.parseAndRenderSync('{{ subscriber.fields.x }}', context),
      html: engines.html.parseAndRenderSync(html, context),
      text: engines.text.parseAndRenderSync(text, context),
    });
  });
});
