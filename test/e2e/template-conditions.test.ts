import type { Page } from 'playwright-core';
import { ADMIN } from '../harness/admin';
import type { TestHerald } from '../harness/app';
import { startAdminBrowser, type AdminBrowser } from '../harness/admin-browser';
import { signIn } from '../harness/browser';

// A textarea in the page (the tests compile without the DOM library).
type Selectable = { setSelectionRange(start: number, end: number): void };

describe('template conditions and rich text toolbar in Chromium', () => {
  let app: TestHerald;
  let session: AdminBrowser;
  let page: Page;
  let segmentId: string;

  beforeAll(async () => {
    session = await startAdminBrowser({ HERALD_PROCESS: 'web' });
    ({ app, page } = session);
    await session.subscribe({ email: 'grace@example.test', firstName: 'Grace', status: 'active' });
    const segment = (await app.strapi.documents('plugin::segments.segment' as never).create({
      data: {
        name: 'Active readers',
        rules: { type: 'group', match: 'all', children: [{ type: 'status', operator: 'is', value: 'active' }] },
      },
    } as never)) as unknown as { documentId: string };
    segmentId = segment.documentId;
  });
  afterAll(async () => {
    await session?.stop();
  });

  const frame = () => page.frameLocator('iframe[title="Email preview"]');

  it('bolds a word from the toolbar and shows a block only to a segment picked by name', async () => {
    await signIn(page, app.url, ADMIN);
    await page.getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('button', { name: 'New template' }).click();
    await page.getByRole('combobox', { name: 'Add block' }).click();
    await page.getByRole('option', { name: 'Text', exact: true }).click();

    const text = page.getByRole('textbox', { name: 'Text', exact: true });
    await text.fill('Members get early access.');
    await text.evaluate((el) => (el as unknown as Selectable).setSelectionRange(12, 17)); // "early"
    await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Bold' }).click();
    await expect(text.inputValue()).resolves.toBe('Members get **early** access.');
    await frame().locator('strong', { hasText: 'early' }).waitFor();

    // The shortcut wraps the selection too, and a second press takes it off again.
    await text.evaluate((el) => (el as unknown as Selectable).setSelectionRange(22, 28)); // "access"
    await text.press('Control+i');
    await expect(text.inputValue()).resolves.toBe('Members get **early** *access*.');
    await text.press('Control+i');
    await expect(text.inputValue()).resolves.toBe('Members get **early** access.');

    await page.getByRole('combobox', { name: 'Show only if' }).click();
    await page.getByRole('option', { name: 'In segment' }).click();
    await page.getByRole('combobox', { name: 'Segment' }).click();
    await page.getByRole('option', { name: 'Active readers' }).click();
    // The sample subscriber is in no segment; Grace (active) is in this one.
    await frame().locator('strong', { hasText: 'early' }).waitFor({ state: 'detached' });
    await page.getByRole('combobox', { name: 'Preview as' }).click();
    await page.getByRole('option', { name: 'grace@example.test' }).click();
    await frame().locator('strong', { hasText: 'early' }).waitFor();

    for (const combobox of await page.getByRole('combobox').all()) expect(await combobox.getAttribute('aria-label')).toBeTruthy();

    await page.getByLabel('Name').fill('Members only');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Template “Members only” saved').first().waitFor();
    const [saved] = (await app.strapi
      .documents('plugin::campaigns.template' as never)
      .findMany({ filters: { name: 'Members only' } } as never)) as unknown as Array<{ body: { blocks: unknown[] } }>;
    expect(saved.body.blocks).toEqual([
      {
        id: expect.any(String),
        type: 'text',
        showIf: { type: 'in_segment', segment: segmentId },
        content: [{ kind: 'paragraph', spans: [{ text: 'Members get ' }, { text: 'early', bold: true }, { text: ' access.' }] }],
      },
    ]);
  });
});
