import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { apiToken } from '../harness/admin';
import { startHerald, type TestHerald } from '../harness/app';
import { launchBrowser } from '../harness/browser';

// The embed snippet on somebody else's website: another origin (another port) serves a page that
// loads herald-form.js from Herald, which renders the form and submits it across origins.
describe('the signup form embedded in another website', () => {
  let app: TestHerald;
  let browser: Browser;
  let site: http.Server;
  let siteUrl: string;

  beforeAll(async () => {
    app = await startHerald({ HERALD_PROCESS: 'web' });
    const token = await apiToken(app);
    const form = await app
      .http()
      .post('/api/audience/forms')
      .set('authorization', `Bearer ${token}`)
      .send({ data: { name: 'Embedded', consentText: 'Yes, email me.', doubleOptIn: false, fields: { items: [{ key: 'firstName' }] } } })
      .expect(201);
    const page = `<!doctype html><html lang="en"><head><title>Somebody's site</title></head><body>
      <h1>Somebody's site</h1><div data-herald-form="${form.body.data.documentId}"></div>
      <script src="${app.url}/herald-form.js" async></script></body></html>`;
    site = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page));
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.close(resolve));
    await app?.stop();
  });

  it('lets any website load the script, and submits to Herald from there', async () => {
    const script = await app.http().get('/herald-form.js').expect(200);
    expect(script.headers['cross-origin-resource-policy']).toBe('cross-origin');

    const page = await browser.newPage();
    await page.goto(siteUrl);
    await page.getByLabel('Email *').fill('embed@example.test');
    await page.getByLabel('First name').fill('Em');
    await page.getByLabel('Yes, email me.').check();
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByRole('status').waitFor();

    const row = await app.strapi.db.connection('herald_subscribers').where({ email: 'embed@example.test' }).first();
    expect(row).toMatchObject({ first_name: 'Em', status: 'active', source: 'form' });
  });
});
