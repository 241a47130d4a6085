import path from 'node:path';
import type { Page } from 'playwright-core';
import { ADMIN } from '../harness/admin';
import { ROOT, type TestHerald } from '../harness/app';
import { startAdminBrowser, type AdminBrowser } from '../harness/admin-browser';
import { signIn } from '../harness/browser';

const SHOTS = path.join(ROOT, 'test', 'e2e', 'screenshots');

describe('admin panel in Chromium', () => {
  let app: TestHerald;
  let session: AdminBrowser;
  let page: Page;

  beforeAll(async () => {
    session = await startAdminBrowser({}, { viewport: { width: 1366, height: 900 } });
    ({ app, page } = session);
  });
  afterAll(async () => {
    await session?.stop();
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
