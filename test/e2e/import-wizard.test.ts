import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ADMIN } from '../harness/admin';
import type { TestHerald } from '../harness/app';
import { startAdminBrowser, type AdminBrowser } from '../harness/admin-browser';
import { signIn } from '../harness/browser';
import { csvText } from '../harness/csv';

// The import wizard as a marketer uses it: upload, map, start, follow the progress, fetch the report.
describe('import wizard in Chromium', () => {
  let app: TestHerald;
  let session: AdminBrowser;
  let page: Page;

  beforeAll(async () => {
    // Web and workers in one process, so the import runs as it would for a developer install.
    session = await startAdminBrowser({}, { viewport: { width: 1366, height: 1000 }, acceptDownloads: true });
    ({ app, page } = session);
  });
  afterAll(async () => {
    await session?.stop();
  });

  it('uploads, maps, imports with progress, and downloads the error report', async () => {
    const file = csvText([
      ['E-mail', 'Given name', 'Notes'],
      ['ada@example.test', 'Ada', 'first'],
      ['not-an-address', 'Bob', 'broken'],
      ['grace@example.test', 'Grace', 'second'],
      ['ADA@example.test', '', 'duplicate of the first'],
    ]);

    await signIn(page, app.url, ADMIN);
    await page.getByRole('link', { name: 'Import subscribers' }).click();
    await page.getByLabel('Choose a CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.getByRole('button', { name: 'Upload and preview' }).click();

    // The preview shows the file's rows; columns are mapped by hand where the header says nothing.
    await page.getByText('not-an-address', { exact: true }).waitFor();
    await page.getByRole('combobox', { name: 'Field for E-mail' }).click();
    await page.getByRole('option', { name: 'Email', exact: true }).click();
    await page.getByRole('combobox', { name: 'Field for Given name' }).click();
    await page.getByRole('option', { name: 'First name', exact: true }).click();
    await page.getByRole('combobox', { name: 'Field for Notes' }).click();
    await page.getByRole('option', { name: 'Do not import' }).click();
    await page.getByRole('combobox', { name: 'Why may we email these people?' }).click();
    await page.getByRole('option', { name: 'They consented (active)' }).click();
    await page.getByRole('textbox', { name: 'Tags to apply to every imported row' }).fill('Imported, Spring');
    await page.getByRole('button', { name: 'Start the import' }).click();

    await page.getByText('people.csv: Done').waitFor({ timeout: 30_000 });
    await page.getByText(/2 added · 0 updated · 0 left as they were · 1 duplicates merged · 1 rows with errors/).waitFor();
    await expect(page.getByRole('progressbar', { name: 'Import progress' }).getAttribute('aria-valuenow')).resolves.toBe('100');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the error report' }).click();
    const report = readFileSync((await (await download).path())!, 'utf8');
    expect(report).toMatch(/^row,column,value,reason/);
    expect(report).toContain('not-an-address');

    const rows = await app.strapi.db.connection('herald_subscribers').orderBy('email').select('email', 'first_name', 'status');
    expect(rows).toEqual([
      { email: 'ada@example.test', first_name: 'Ada', status: 'active' },
      { email: 'grace@example.test', first_name: 'Grace', status: 'active' },
    ]);
    const tags = await app.strapi.db.connection('herald_tags').orderBy('name').pluck('name');
    expect(tags).toEqual(['Imported', 'Spring']);
  });
});
