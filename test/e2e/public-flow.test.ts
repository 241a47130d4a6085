import type { Browser, Page } from 'playwright-core';
import { apiToken } from '../harness/admin';
import { startHerald, type TestHerald } from '../harness/app';
import { launchBrowser } from '../harness/browser';

describe('public signup flow in Chromium, by keyboard', () => {
  let app: TestHerald;
  let browser: Browser;
  let page: Page;
  let formId: string;

  beforeAll(async () => {
    app = await startHerald({ HERALD_PROCESS: 'web' });
    const token = await apiToken(app);
    const api = (p: string, data: object) =>
      app.http().post(`/api/audience${p}`).set('authorization', `Bearer ${token}`).send({ data }).expect(201);
    await api('/field-definitions', { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] });
    await api('/tags', { name: 'Product news', public: true });
    await api('/tags', { name: 'Events', public: true });
    const form = await api('/forms', {
      name: 'Herald newsletter',
      consentText: 'Yes, send me the newsletter.',
      fields: { items: [{ key: 'firstName', required: true }, { key: 'plan' }] },
    });
    formId = form.body.data.documentId;
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const subscriber = () => app.strapi.db.connection('herald_subscribers').where({ email: 'kay@example.test' }).first();

  it('signs up, confirms, changes a topic and unsubscribes', async () => {
    await page.goto(`${app.url}/api/audience/forms/${formId}/page`);
    await page.getByRole('heading', { level: 1, name: 'Herald newsletter' }).waitFor();

    // A first try without consent comes back with the problem announced.
    await page.getByLabel('Email').fill('kay@example.test');
    await page.getByLabel('First name').fill('Kay');
    await page.getByLabel('First name').press('Enter');
    await page.getByRole('alert').getByText('Consent must be ticked to subscribe').waitFor();

    await page.getByLabel('Plan').focus();
    await page.keyboard.press('Tab'); // the honeypot is skipped: next stop is the consent checkbox
    expect(await page.evaluate('document.activeElement.id')).toBe('field-consent');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
    expect((await subscriber()).status).toBe('unconfirmed');

    const mail = await app.strapi.db.connection('herald_mail_outbox').where({ to_address: 'kay@example.test' }).first();
    const link = /http:\/\/\S+\/api\/audience\/confirm\?token=\S+/.exec(mail.text_body)![0];
    await page.goto(link);
    expect((await subscriber()).status).toBe('unconfirmed');
    await page.getByRole('button', { name: 'Confirm my subscription' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your subscription is confirmed' }).waitFor();
    expect((await subscriber()).status).toBe('active');

    await page.getByRole('link', { name: 'Manage your preferences' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Your email preferences' }).waitFor();
    expect(await page.getByLabel('First name').inputValue()).toBe('Kay');
    await page.getByLabel('Events').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Save preferences' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Your preferences are saved.').waitFor();
    expect(await page.getByLabel('Events').isChecked()).toBe(true);

    await page.getByLabel('Unsubscribe from all emails').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Save preferences' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('You are unsubscribed from all emails.').waitFor();
    expect((await subscriber()).status).toBe('unsubscribed');
    await page.getByLabel(/send me your emails again/).waitFor();
  });
});
