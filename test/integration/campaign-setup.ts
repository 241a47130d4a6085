import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { ledgerRepository } from '../../plugins/campaigns/server/src/repositories/ledger';
import type { FakeMailgun } from '../fakes/mailgun/server';
import { startHerald, type TestHerald } from '../harness/app';
import { waitFor } from '../harness/wait';

// Shared by the campaign-*.test.ts files: a Herald whose mail goes to the fake Mailgun, subscribers
// written in bulk, a template and a campaign, and the checks every exactly-once test makes.
export const MAILGUN_DOMAIN = 'mg.herald.test';

export const campaignEnv = (fake: FakeMailgun, overrides: Record<string, string> = {}): Record<string, string> => ({
  MAILGUN_API_KEY: fake.apiKey,
  MAILGUN_DOMAIN,
  MAILGUN_BASE_URL: fake.url,
  MAILGUN_TIMEOUT_MS: '3000',
  PUBLIC_URL: 'https://herald.test',
  CAMPAIGN_RECONCILE_MS: '500',
  CAMPAIGN_LEASE_MS: '4000',
  CAMPAIGN_JOB_SLICE_MS: '1000',
  CAMPAIGN_RETRY_BACKOFF_MS: '50',
  ...overrides,
});

export const startCampaignHerald = (fake: FakeMailgun, overrides: Record<string, string> = {}): Promise<TestHerald> =>
  startHerald(campaignEnv(fake, overrides));

const documentId = () => randomBytes(12).toString('hex').slice(0, 24);

export const addressOf = (i: number) => `person${i}@example.test`;

// Writes subscribers straight into the table (as the audience plugin's bulk import does).
export const seedSubscribers = async (app: TestHerald, count: number, status = (_i: number) => 'active', from = 0): Promise<void> => {
  const knex = app.strapi.db.connection;
  const s = app.strapi.plugin('audience').service('schema').subscriberTable();
  const now = new Date();
  const rows = Array.from({ length: count }, (_, k) => {
    const i = from + k;
    return {
      [s.documentId]: documentId(),
      [s.email]: addressOf(i),
      [s.firstName]: `Person${i}`,
      [s.status]: status(i),
      [s.createdAt]: now,
      [s.updatedAt]: now,
      [s.publishedAt]: now,
    };
  });
  await knex.batchInsert(s.table, rows, 1000);
};

export const PLAIN_BODY = {
  blocks: [
    { id: 'title', type: 'heading', level: 1, text: 'Hello {{ subscriber.first_name }}' },
    { id: 'footer', type: 'footer' },
  ],
};

// A conditional block: rendered per recipient, its output travels in recipient-variables.
export const CONDITIONAL_BODY = {
  blocks: [
    { id: 'title', type: 'heading', level: 1, text: 'Hello {{ subscriber.first_name }}' },
    { id: 'vip', type: 'text', showIf: { type: 'has_tag', tag: 'vip' }, content: [{ kind: 'paragraph', spans: [{ text: 'VIP only' }] }] },
    { id: 'footer', type: 'footer' },
  ],
};

export const createCampaign = async (app: TestHerald, { body = PLAIN_BODY, audience = { all: true } as object } = {}): Promise<string> => {
  const template = (await app.strapi
    .documents('plugin::campaigns.template' as never)
    .create({ data: { name: `t-${documentId()}`, body } } as never)) as unknown as { documentId: string };
  const campaign = (await app.strapi.documents('plugin::campaigns.campaign' as never).create({
    data: {
      name: 'Spring news',
      subject: 'News for {{ subscriber.first_name }}',
      fromName: 'Herald News',
      fromAddress: `news@${MAILGUN_DOMAIN}`,
      template: template.documentId,
      audience,
    },
  } as never)) as unknown as { documentId: string };
  return campaign.documentId;
};

export const progress = (app: TestHerald, campaignId: string) => app.strapi.plugin('campaigns').service('campaign').progress(campaignId);

// The progress summed from the campaign's tallies equals a count of its ledger rows, state by state.
export const expectTalliesMatchLedger = async (knex: Knex, campaignId: string) => {
  const counted: Record<string, number> = { queued: 0, sent: 0, failed: 0, skipped: 0, unknown: 0 };
  const rows = await knex('herald_campaign_sends').where({ campaign_id: campaignId }).groupBy('state').select('state').count({ n: '*' });
  for (const r of rows as Array<{ state: string; n: string }>) counted[r.state] = Number(r.n);
  const p = await ledgerRepository(knex).progress(campaignId);
  expect({ queued: p.queued + p.sending, sent: p.sent, failed: p.failed, skipped: p.skipped, unknown: p.unknown }).toEqual(counted);
  expect(p.total).toBe(Object.values(counted).reduce((a, b) => a + b, 0));
};

export const waitForStatus = (app: TestHerald, campaignId: string, status: string, timeoutMs = 60_000) =>
  waitFor(async () => (await progress(app, campaignId)).status === status, timeoutMs, `campaign ${status}`);

// Every address from 0 to count-1 (except `missing`) got exactly one message; no other address got any.
export const expectExactlyOnce = (fake: FakeMailgun, count: number, missing: (i: number) => boolean = () => false) => {
  const counts = fake.recipientCounts();
  const twice = [...counts].filter(([, n]) => n > 1);
  expect(twice).toEqual([]);
  const expected = Array.from({ length: count }, (_, i) => i)
    .filter((i) => !missing(i))
    .map(addressOf);
  expect([...counts.keys()].sort()).toEqual(expected.sort());
};
