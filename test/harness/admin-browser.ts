import type { BrowserContextOptions, Page } from 'playwright-core';
import { adminToken, apiToken } from './admin';
import { startHerald, type TestHerald } from './app';
import { launchBrowser } from './browser';

export interface AdminBrowser {
  app: TestHerald;
  // A full-access API token, for seeding data.
  token: string;
  page: Page;
  // Adds a subscriber through the REST API (as another app would); returns its documentId.
  subscribe(data: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

// Herald serving its admin panel with the first super admin created (sign in with ADMIN), and a
// Chromium page: what every admin panel test starts from.
export const startAdminBrowser = async (
  env: Record<string, string> = {},
  pageOptions: BrowserContextOptions = {}
): Promise<AdminBrowser> => {
  const app = await startHerald({ SERVE_ADMIN: 'true', ...env });
  try {
    await adminToken(app);
    const token = await apiToken(app);
    const browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, ...pageOptions });
    const stop = async () => {
      await browser.close();
      await app.stop();
    };
    const subscribe = async (data: Record<string, unknown>) =>
      (await app.http().post('/api/audience/subscribers').set('authorization', `Bearer ${token}`).send({ data }).expect(201)).body.data
        .documentId as string;
    return { app, token, page, subscribe, stop };
  } catch (err) {
    await app.stop();
    throw err;
  }
};
