import { parseBody } from './blocks';

const refusal = (blocks: unknown) => {
  const result = parseBody({ blocks });
  return result.ok ? undefined : `${result.path.join('.')}: ${result.message}`;
};

describe('parseBody', () => {
  it('accepts a valid tree and refuses a bare array', () => {
    expect(parseBody({ blocks: [{ id: 'a', type: 'divider' }] }).ok).toBe(true);
    expect(parseBody([])).toMatchObject({ ok: false, message: 'body must be { blocks: [...] }' });
  });

  it('points at the bad block, however deep', () => {
    expect(refusal([{ id: 'a', type: 'carousel' }])).toBe('blocks.0.type: unknown block type');
    expect(refusal([{ id: 'c', type: 'columns', columns: [[], [{ id: 'b', type: 'button', label: '', href: 'https://x.test' }]] }])).toBe(
      'blocks.0.columns.1.0.label: label is required'
    );
    expect(refusal([{ id: 'c', type: 'columns', columns: [[]] }])).toBe('blocks.0.columns: use 2 or 3 columns');
    expect(refusal([{ id: 'c', type: 'columns', columns: [[{ id: 'n', type: 'columns', columns: [[], []] }], []] }])).toBe(
      'blocks.0.columns.0.0.type: unknown block type'
    );
  });

  it('keeps scripts out of rich text, links and raw HTML', () => {
    expect(
      refusal([{ id: 't', type: 'text', content: [{ kind: 'paragraph', spans: [{ text: 'x', href: 'javascript:alert(1)' }] }] }])
    ).toBe('blocks.0.content.0.spans.0.href: link must start with https://, http://, mailto: or {{');
    expect(refusal([{ id: 't', type: 'text', content: [{ kind: 'paragraph', spans: [{ text: 'x', onclick: 'y' }] }] }])).toMatch(
      /^blocks\.0\.content\.0\.spans\.0/
    );
    expect(refusal([{ id: 'r', type: 'html', html: '<p>ok</p><SCRIPT src=x></SCRIPT>' }])).toMatch(
      /^blocks\.0\.html: html may not contain scripts/
    );
    expect(refusal([{ id: 'r', type: 'html', html: '<img src=x onerror="alert(1)">' }])).toMatch(/^blocks\.0\.html/);
  });

  it('checks conditions', () => {
    expect(refusal([{ id: 'a', type: 'divider', showIf: { type: 'field', field: 'fields.plan', operator: 'eq' } }])).toBe(
      'blocks.0.showIf.value: value is required for this operator'
    );
    expect(refusal([{ id: 'a', type: 'divider', showIf: { type: 'field', field: 'first_name', operator: 'eq', value: 'a"b' } }])).toBe(
      'blocks.0.showIf.value: value may not contain double quotes or line breaks'
    );
    expect(refusal([{ id: 'a', type: 'divider', showIf: { type: 'field', field: 'password', operator: 'present' } }])).toBe(
      'blocks.0.showIf.field: field must be a subscriber property or fields.<key>'
    );
  });
});
