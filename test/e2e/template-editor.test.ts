import path from 'node:path';
import type { Page } from 'playwright-core';
import { ADMIN } from '../harness/admin';
import { ROOT, type TestHerald } from '../harness/app';
import { startAdminBrowser, type AdminBrowser } from '../harness/admin-browser';
import { signIn } from '../harness/browser';

const SHOTS = path.join(ROOT, 'test', 'e2e', 'screenshots');

describe('template editor in Chromium', () => {
  let app: TestHerald;
  let session: AdminBrowser;
  let page: Page;

  beforeAll(async () => {
    session = await startAdminBrowser({ HERALD_PROCESS: 'web' });
    ({ app, page } = session);
    await session.subscribe({ email: 'grace@example.test', firstName: 'Grace', status: 'active' });
  });
  afterAll(async () => {
    await session?.stop();
  });

  const frame = () => page.frameLocator('iframe[title="Email preview"]');

  it('builds a template from blocks, previews it as a subscriber at mobile width, and saves versions', async () => {
    await signIn(page, app.url, ADMIN);
    await page.getByRole('link', { name: 'Templates' }).click();
    await page.getByRole('button', { name: 'Welcome' }).waitFor(); // a starter template
    await page.getByRole('button', { name: 'New template' }).click();

    await page.getByRole('combobox', { name: 'Add block' }).click();
    await page.getByRole('option', { name: 'Heading' }).click();
    await page.getByLabel('Heading text').fill('Hello {{ subscriber.first_name | default: "reader" }}');
    await page.getByRole('combobox', { name: 'Add block' }).click();
    await page.getByRole('option', { name: 'Button' }).click();
    await page.getByLabel('Button label').fill('Visit us');
    await page.getByLabel('Button link').fill('https://example.com');
    await frame().getByText('Hello Ada').waitFor(); // the sample subscriber
    await frame().getByText('Unsubscribe').waitFor(); // the footer is always there

    // Reorder: the button goes first.
    await page.getByRole('button', { name: 'Move up' }).nth(1).click();
    const order = await Promise.all((await page.locator('[data-block]').all()).map((block) => block.getAttribute('data-block')));
    expect(order).toEqual(['button', 'heading']);

    await page.getByRole('combobox', { name: 'Preview as' }).click();
    await page.getByRole('option', { name: 'grace@example.test' }).click();
    await frame().getByText('Hello Grace').waitFor();
    await page.getByRole('button', { name: 'Mobile' }).click();
    expect((await page.locator('iframe[title="Email preview"]').boundingBox())?.width).toBe(375);
    await page.screenshot({ path: path.join(SHOTS, 'template-editor-mobile.png'), fullPage: true });

    // An unknown variable is refused and shown next to its block.
    await page.getByLabel('Name').fill('Spring hello');
    await page.getByLabel('Heading text').fill('Hi {{ subscriber.nickname }}');
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .locator('[data-block="heading"]')
      .getByRole('alert')
      .getByText(/unknown variable "subscriber.nickname"/)
      .waitFor();

    await page.getByLabel('Heading text').fill('Hi {{ subscriber.first_name }}');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Template “Spring hello” saved').first().waitFor();
    await page.getByText('Version 1 ·').waitFor();
    await page.getByLabel('Button label').fill('Visit us today');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Version 2 ·').waitFor();

    await page.getByRole('button', { name: 'Restore version 1' }).click();
    await page.getByText('Version 3 ·').waitFor();
    await expect(page.getByLabel('Button label').inputValue()).resolves.toBe('Visit us');

    const [saved] = (await app.strapi
      .documents('plugin::campaigns.template' as never)
      .findMany({ filters: { name: 'Spring hello' } } as never)) as unknown as Array<{
      body: { blocks: Array<{ type: string }> };
    }>;
    expect(saved.body.blocks.map((b) => b.type)).toEqual(['button', 'heading']);
  });
});
