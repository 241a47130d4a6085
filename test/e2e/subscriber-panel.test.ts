import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ADMIN } from '../harness/admin';
import type { TestHerald } from '../harness/app';
import { startAdminBrowser, type AdminBrowser } from '../harness/admin-browser';
import { signIn } from '../harness/browser';

describe('content manager side panels in Chromium', () => {
  let app: TestHerald;
  let session: AdminBrowser;
  let page: Page;
  let documentId: string;
  let formId: string;

  beforeAll(async () => {
    session = await startAdminBrowser({ HERALD_PROCESS: 'web' }, { viewport: { width: 1366, height: 1000 }, acceptDownloads: true });
    ({ app, page } = session);
    const { token } = session;
    const api = (method: 'post' | 'put', p: string, data: object) =>
      app.http()[method](`/api/audience${p}`).set('authorization', `Bearer ${token}`).send({ data });
    documentId = (await api('post', '/subscribers', { email: 'ada@example.test', firstName: 'Ada' }).expect(201)).body.data.documentId;
    await api('put', `/subscribers/${documentId}`, { status: 'active' }).expect(200);
    await app.strapi.plugin('audience').service('consents').grant({
      subscriberDocumentId: documentId,
      email: 'ada@example.test',
      basis: 'consent',
      method: 'admin',
      wording: 'Yes, send me news',
    });
    formId = (await api('post', '/forms', { name: 'Newsletter', consentText: 'Yes, email me.', fields: { items: [] } }).expect(201)).body
      .data.documentId;
    await app.http().get(`/api/audience/forms/${formId}/page`).expect(200);
  });
  afterAll(async () => {
    await session?.stop();
  });

  it('shows the timeline newest first and downloads the GDPR export', async () => {
    await signIn(page, app.url, ADMIN);
    await page.goto(`${app.url}/admin/content-manager/collection-types/plugin::audience.subscriber/${documentId}`);
    const timeline = page.getByRole('list', { name: 'Activity timeline' });
    await timeline.waitFor();
    await expect(timeline.getByRole('listitem').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^Changed status/),
      expect.stringMatching(/^Added \(api\)/),
    ]);
    await expect(page.getByRole('list', { name: 'Consent records' }).getByRole('listitem').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^granted \(consent, admin\)[\s\S]*“Yes, send me news”/),
    ]);
    await page.getByRole('button', { name: 'Erase subscriber' }).waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export data (GDPR)' }).click();
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file!, 'utf8'));
    expect(exported.profile).toMatchObject({ documentId, email: 'ada@example.test' });
  });

  it("shows a form's counts and its embed snippet", async () => {
    await page.goto(`${app.url}/admin/content-manager/collection-types/plugin::audience.form/${formId}`);
    await expect(page.getByLabel('Form counts').innerText()).resolves.toBe('1 views · 0 submissions · 0 confirmations');
    await expect(page.getByLabel('Embed snippet').innerText()).resolves.toContain(`data-herald-form="${formId}"`);
    await expect(page.getByRole('link', { name: 'Open the hosted page' }).getAttribute('href')).resolves.toBe(
      `${app.url}/api/audience/forms/${formId}/page`
    );
  });

  it('lists the forms with how each converts, and opens one for editing', async () => {
    await page.goto(`${app.url}/admin`);
    await page.getByRole('link', { name: 'Forms' }).click();
    const row = page.getByRole('row', { name: /Newsletter/ });
    await row.getByText('0.0%').waitFor();
    await expect(row.locator('td').allInnerTexts()).resolves.toEqual(['Newsletter', 'yes', '1', '0', '0.0%', '0 (—)']);
    await row.getByRole('button', { name: 'Newsletter' }).click();
    await page.getByLabel('Form counts').waitFor();
    expect(page.url()).toContain(`plugin::audience.form/${formId}`);
  });
});
