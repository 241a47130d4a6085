import { createLiquid } from './liquid';

describe('createLiquid', () => {
  const subscriber = { time_zone: 'America/New_York', first_name: '' };

  it('formats a date in the subscriber time zone, or a given one', async () => {
    const liquid = createLiquid();
    const at = '2026-03-01T02:30:00Z';
    expect(await liquid.parseAndRender('{{ at | date_tz: "yyyy-LL-dd HH:mm" }}', { at, subscriber })).toBe('2026-02-28 21:30');
    expect(await liquid.parseAndRender('{{ at | date_tz: "HH:mm", "Asia/Tokyo" }}', { at, subscriber })).toBe('11:30');
    expect(await liquid.parseAndRender('{{ at | date_tz: "HH:mm" }}', { at, subscriber: {} })).toBe('02:30');
    expect(await liquid.parseAndRender('{{ at | date_tz }}', { at: 'not a date', subscriber })).toBe('');
  });

  it('falls back with default, and escapes output only for HTML', async () => {
    const template = '{{ subscriber.first_name | default: "there" }} {{ name }}';
    expect(await createLiquid().parseAndRender(template, { subscriber, name: '<b>' })).toBe('there <b>');
    expect(await createLiquid({ escapeHtml: true }).parseAndRender(template, { subscriber, name: '<b>' })).toBe('there &lt;b&gt;');
  });

  it('refuses unknown variables only when strict', async () => {
    await expect(createLiquid({ strictVariables: true }).parseAndRender('{{ nope }}', {})).rejects.toThrow(/undefined variable: nope/);
    expect(await createLiquid().parseAndRender('{{ nope }}', {})).toBe('');
  });
});
