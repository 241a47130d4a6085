import path from 'node:path';
import type { Page } from 'playwright-core';
import { ADMIN } from '../harness/admin';
import { ROOT, type TestHerald } from '../harness/app';
import { startAdminBrowser, type AdminBrowser } from '../harness/admin-browser';
import { signIn } from '../harness/browser';

const SHOTS = path.join(ROOT, 'test', 'e2e', 'screenshots');

describe('segment builder in Chromium', () => {
  let app: TestHerald;
  let session: AdminBrowser;
  let page: Page;

  beforeAll(async () => {
    session = await startAdminBrowser({ HERALD_PROCESS: 'web' }, { viewport: { width: 1366, height: 1000 } });
    ({ app, page } = session);
    const { token } = session;
    const api = (p: string, data: object) =>
      app.http().post(`/api/audience${p}`).set('authorization', `Bearer ${token}`).send({ data }).expect(201);
    await api('/field-definitions', { key: 'score', label: 'Score', type: 'number' });
    for (const [email, status, score] of [
      ['a@example.test', 'active', 80],
      ['b@example.test', 'active', 10],
      ['c@example.test', 'unsubscribed', 90],
    ] as const) {
      await api('/subscribers', { email, status, fields: { score } });
    }
  });
  afterAll(async () => {
    await session?.stop();
  });

  it('builds a nested rule by keyboard, counts live, and saves', async () => {
    await signIn(page, app.url, ADMIN);
    await page.getByRole('link', { name: 'Segments' }).click();
    await page.getByRole('button', { name: 'New segment' }).click();
    await page.getByText('3 subscribers match').waitFor(); // an empty "all of" group matches everyone

    // Keyboard only: reach "Add condition" and press Enter; the new condition is "Status is active".
    await page.getByRole('button', { name: 'Add condition' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('2 subscribers match').waitFor();

    // A nested group: any of (Score > 50).
    await page.getByRole('button', { name: 'Add group' }).click();
    const nested = page.getByRole('group').nth(1);
    await nested.getByRole('button', { name: 'Add condition' }).click();
    await nested.getByRole('combobox', { name: 'Condition on' }).click();
    await page.getByRole('option', { name: 'Score' }).click();
    await nested.getByRole('combobox', { name: 'Operator' }).click();
    await page.getByRole('option', { name: '>', exact: true }).click();
    await nested.getByRole('textbox', { name: 'Value' }).fill('50');
    await page.getByText('1 subscribers match').waitFor();
    await page.getByText('a@example.test', { exact: true }).waitFor();

    // Every control in the builder has a name a screen reader can announce.
    for (const combobox of await page.getByRole('combobox').all()) expect(await combobox.getAttribute('aria-label')).toBeTruthy();

    await page.getByLabel('Name').fill('Engaged high scorers');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/Segment “Engaged high scorers” saved/).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'segment-builder.png'), fullPage: true });

    const saved = await app.strapi.documents('plugin::segments.segment' as never).findMany({} as never);
    expect(saved).toHaveLength(1);
    expect((saved[0] as unknown as { rules: { children: unknown[] } }).rules.children).toHaveLength(2);
  });
});
