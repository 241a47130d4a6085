import { parseBody } from './blocks';
import { checkBlocksLiquid } from './blocks-liquid';

const issues = (blocks: unknown[], fields = ['plan']) => {
  const parsed = parseBody({ blocks });
  if (!parsed.ok) throw new Error(parsed.message);
  return checkBlocksLiquid(parsed.body, fields).map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('checkBlocksLiquid', () => {
  it('accepts the context contract and defined custom fields', () => {
    const text = [
      '{{ subscriber.email }} {{ subscriber.first_name | default: "there" }} {{ subscriber.tags.size }} {{ subscriber.tags[0] }}',
      '{{ subscriber.fields.plan }} {{ campaign.subject }} {{ links.unsubscribe }} {{ sender.postal_address }}',
      '{% for tag in subscriber.tags %}{{ tag }}{% endfor %} {% assign n = subscriber.last_name %}{{ n }}',
      '{% if segments contains "x" %}{{ subscriber.created_at | date_tz: "DDD" }}{% endif %}',
    ].join('\n');
    expect(issues([{ id: 'h', type: 'heading', level: 1, text }])).toEqual([]);
  });

  it('reports unknown variables, filters and syntax errors with the block path and position', () => {
    const found = issues([
      { id: 'a', type: 'heading', level: 1, text: 'ok' },
      {
        id: 'c',
        type: 'columns',
        columns: [
          [{ id: 'b', type: 'button', label: 'Hi {{ subscriber.fields.score }}', href: 'https://x.test/{{ secret }}' }],
          [{ id: 't', type: 'text', content: [{ kind: 'paragraph', spans: [{ text: 'a\n  {{ subscriber.email | shout }}' }] }] }],
        ],
      },
      { id: 'h', type: 'html', html: '<p>{% if subscriber.email %}</p>' },
    ]);
    expect(found).toEqual([
      'blocks.1.columns.0.0.label: unknown variable "subscriber.fields.score" (line 1, column 7)',
      'blocks.1.columns.0.0.href: unknown variable "secret" (line 1, column 19)',
      'blocks.1.columns.1.0.content.0.spans.0.text: undefined filter: shout (line 2, column 3)',
      'blocks.2.html: tag {% if subscriber.email %} not closed (line 1, column 4)',
    ]);
  });

  it('refuses a condition on a custom field that does not exist', () => {
    expect(issues([{ id: 'a', type: 'divider', showIf: { type: 'field', field: 'fields.tier', operator: 'present' } }])).toEqual([
      'blocks.0.showIf.field: no custom field "tier"',
    ]);
  });
});
