import path from 'node:path';
import type { Page } from 'playwright-core';
import { startFakeMailgun, type FakeMailgun } from '../fakes/mailgun/server';
import { ADMIN } from '../harness/admin';
import { ROOT, type TestHerald } from '../harness/app';
import { startAdminBrowser, type AdminBrowser } from '../harness/admin-browser';
import { signIn } from '../harness/browser';
import { createSegment } from '../harness/segments';
import { MAILGUN_DOMAIN, campaignEnv } from '../integration/campaign-setup';

const SHOTS = path.join(ROOT, 'test', 'e2e', 'screenshots');
const PEOPLE = ['ada@example.test', 'grace@example.test', 'alan@example.test'];

// Web and workers in one process, mailing the fake Mailgun: the campaign page from an empty form to
// a finished send.
describe('campaign page in Chromium', () => {
  let app: TestHerald;
  let fake: FakeMailgun;
  let session: AdminBrowser;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    fake = await startFakeMailgun({ apiKey: 'key-campaign-e2e' });
    session = await startAdminBrowser(campaignEnv(fake));
    ({ app, page, token } = session);
    const subscribe = (email: string, status: string) =>
      app.http().post('/api/audience/subscribers').set('authorization', `Bearer ${token}`).send({ data: { email, status } }).expect(201);
    for (const email of PEOPLE) await subscribe(email, 'active');
    await subscribe('gone@example.test', 'unsubscribed');
    await createSegment(app, token, 'Active readers');
  });
  afterAll(async () => {
    await session?.stop();
    await fake?.close();
  });

  it('creates a campaign for a segment, shows its audience, sends it and follows it to 100%', async () => {
    await signIn(page, app.url, ADMIN);
    await page.getByRole('link', { name: 'Campaigns' }).click();
    await page.getByRole('button', { name: 'New campaign' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Spring news');
    await page.getByLabel('Subject').fill('News for {{ subscriber.email }}');
    await page.getByLabel('From name').fill('Herald News');
    await page.getByLabel('From address').fill(`news@${MAILGUN_DOMAIN}`);
    await page.getByRole('combobox', { name: 'Template' }).click();
    await page.getByRole('option', { name: 'Welcome' }).click(); // a starter template
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Campaign “Spring news” saved').first().waitFor();

    await page.getByRole('combobox', { name: 'Include segments' }).click();
    await page.getByRole('option', { name: 'Active readers' }).click();
    await page.keyboard.press('Escape');
    await page.getByText('Audience: 3 subscribers').waitFor();

    await page.getByRole('button', { name: 'Send now' }).click();
    await page.getByText('100% of 3 recipients').waitFor({ timeout: 60_000 });
    await page.getByTestId('progress-sent').getByText('Sent: 3').waitFor();
    await page.getByText('sent', { exact: true }).waitFor(); // the status badge
    expect(await page.getByRole('button', { name: 'Send now' }).isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'campaign-sent.png'), fullPage: true });

    expect(Object.fromEntries(fake.recipientCounts())).toEqual(Object.fromEntries(PEOPLE.map((email) => [email, 1])));
    expect(fake.deliveries().find((d) => d.to === 'ada@example.test')?.subject).toBe('News for ada@example.test');

    // A draft copy in the list counts its audience; the sent campaign shows its ledger's totals.
    const api = (method: 'get' | 'post', url: string) => app.http()[method](url).set('authorization', `Bearer ${token}`);
    const [sent] = (await api('get', '/api/campaigns/campaigns').expect(200)).body.data;
    await api('post', `/api/campaigns/campaigns/${sent.documentId}/duplicate`).expect(200);
    await page.getByRole('link', { name: 'Campaigns' }).click();
    const copy = page.getByRole('row', { name: /Spring news \(copy\)/ });
    await copy.getByText('draft', { exact: true }).waitFor();
    await copy.getByText('3', { exact: true }).waitFor();
    await page
      .getByRole('row', { name: /Spring news$|Spring news sent/ })
      .getByText('3 / 0')
      .waitFor();
  });
});
