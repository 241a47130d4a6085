import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ADMIN, adminToken } from '../harness/admin';
import { ROOT, startHerald, type TestHerald } from '../harness/app';
import { launchBrowser, signIn } from '../harness/browser';

const SHOTS = path.join(ROOT, 'test', 'e2e', 'screenshots');

describe('admin panel in Chromium', () => {
  let app: TestHerald;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startHerald({ SERVE_ADMIN: 'true' });
    await adminToken(app); // creates the first super admin
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('signs in and opens the Herald platform pages', async () => {
    await signIn(page, app.url, ADMIN);

    await page.getByRole('link', { name: 'Herald platform' }).click();
    await page.getByRole('heading', { name: 'Herald platform' }).waitFor();
    await page.getByText('this process').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'platform-overview.png') });

    await page.getByRole('tab', { name: 'Mail outbox' }).click();
    await page.getByText(/No Mailgun key is set, so Herald delivers here/).waitFor();
    expect(page.url()).toMatch(/\/admin\/plugins\/platform\/outbox$/);

    await page.getByRole('tab', { name: 'Audit log' }).click();
    await page.getByText('Who', { exact: true }).waitFor();
    await page.getByText(/Page 1 of 1/).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'platform-audit.png') });
  });
});
