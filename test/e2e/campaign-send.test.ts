import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startFakeMailgun, type FakeMailgun } from '../fakes/mailgun/server';
import { ADMIN, adminToken, apiToken } from '../harness/admin';
import { ROOT, startHerald, type TestHerald } from '../harness/app';
import { launchBrowser, signIn } from '../harness/browser';
import { createSegment } from '../harness/segments';
import { MAILGUN_DOMAIN, campaignEnv } from '../integration/campaign-setup';

const SHOTS = path.join(ROOT, 'test', 'e2e', 'screenshots');
const PEOPLE = ['ada@example.test', 'grace@example.test', 'alan@example.test'];

// Web and workers in one process, mailing the fake Mailgun: the campaign page from an empty form to
// a finished send.
describe('campaign page in Chromium', () => {
  let app: TestHerald;
  let fake: FakeMailgun;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    fake = await startFakeMailgun({ apiKey: 'key-campaign-e2e' });
    app = await startHerald({ ...campaignEnv(fake), SERVE_ADMIN: 'true' });
    await adminToken(app);
    const token = await apiToken(app);
    const subscribe = (email: string, status: string) =>
      app.http().post('/api/audience/subscribers').set('authorization', `Bearer ${token}`).send({ data: { email, status } }).expect(201);
    for (const email of PEOPLE) await subscribe(email, 'active');
    await subscribe('gone@example.test', 'unsubscribed');
    await createSegment(app, token, 'Active readers');
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
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

    await page.getByRole('link', { name: 'Campaigns' }).click();
    await page
      .getByRole('row', { name: /Spring news/ })
      .getByText('3 / 0')
      .waitFor();
  });
});
