import { startFakeMailgun, type FakeMailgun } from '../fakes/mailgun/server';
import type { TestHerald } from '../harness/app';
import { deleteRedisPrefix } from '../harness/resources';
import { waitFor } from '../harness/wait';
import {
  CONDITIONAL_BODY,
  createCampaign,
  expectExactlyOnce,
  expectTalliesMatchLedger,
  progress,
  seedSubscribers,
  startCampaignHerald,
  waitForStatus,
} from './campaign-setup';

const SUBSCRIBERS = 200;

// Provider faults, pauses and a Redis wipe against one Herald (web and worker in this process).
// Sending is slowed by the global rate limit (6,000/min) so faults land mid-send. Rendered templates
// (CONDITIONAL_BODY) go one call per recipient here, so faults reach the single-call path too.
describe('campaign send under faults', () => {
  let app: TestHerald;
  let fake: FakeMailgun;
  const campaigns = () => app.strapi.plugin('campaigns').service('campaign');
  const ledger = (campaignId: string) => app.strapi.db.connection('herald_campaign_sends').where({ campaign_id: campaignId });
  const delivered = () => fake.deliveries().length;

  beforeAll(async () => {
    fake = await startFakeMailgun({ apiKey: 'key-campaign-faults' });
    app = await startCampaignHerald(fake, {
      CAMPAIGN_BATCH_SIZE: '20',
      CAMPAIGN_RATE_PER_MINUTE: '6000',
      CAMPAIGN_MAX_ATTEMPTS: '2',
      CAMPAIGN_FAILURE_THRESHOLD: '0.5',
      CAMPAIGN_FAILURE_WINDOW: '40',
      CAMPAIGN_FAILURE_MIN_SAMPLE: '20',
      CAMPAIGN_SEND_CONCURRENCY: '1',
      CAMPAIGN_RENDERED_BATCHES: 'false',
    });
    await seedSubscribers(app, SUBSCRIBERS);
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });
  afterEach(() => fake.reset());

  it('marks a batch whose response was lost as unknown, never re-sends it alone, and counts it after a decision', async () => {
    fake.fault({ kind: 'accept-then-reset', times: 1 });
    const campaignId = await createCampaign(app);
    await campaigns().sendNow(campaignId);
    await waitForStatus(app, campaignId, 'sent');
    expect(await progress(app, campaignId)).toMatchObject({ sent: SUBSCRIBERS - 20, unknown: 20, remaining: 0 });
    await app.strapi.plugin('campaigns').service('reconciler').run();
    expectExactlyOnce(fake, SUBSCRIBERS); // Mailgun did take the lost batch: nobody got a second copy

    await campaigns().resolveUnknown(campaignId, 'sent');
    expect(await progress(app, campaignId)).toMatchObject({ status: 'sent', sent: SUBSCRIBERS, unknown: 0 });
    await expectTalliesMatchLedger(app.strapi.db.connection, campaignId);
  });

  it('re-sends unknown outcomes only when told to', async () => {
    fake.fault({ kind: 'reset', times: 1 }); // dropped before Mailgun took it: the client cannot tell
    const campaignId = await createCampaign(app);
    await campaigns().sendNow(campaignId);
    await waitForStatus(app, campaignId, 'sent');
    const lost = await ledger(campaignId).where({ state: 'unknown' }).count({ n: '*' }).first();
    expect(Number(lost?.n)).toBe(20);
    expect(delivered()).toBe(SUBSCRIBERS - 20);

    await campaigns().resolveUnknown(campaignId, 'resend');
    await waitForStatus(app, campaignId, 'sent');
    expectExactlyOnce(fake, SUBSCRIBERS);
    await expectTalliesMatchLedger(app.strapi.db.connection, campaignId);
  });

  it('slows down on 429 without spending attempts, and retries 5xx with one', async () => {
    fake.fault({ kind: 'status', status: 429, times: 3, retryAfter: 0 });
    fake.fault({ kind: 'status', status: 503, times: 1 });
    const campaignId = await createCampaign(app);
    await campaigns().sendNow(campaignId);
    await waitForStatus(app, campaignId, 'sent');
    expectExactlyOnce(fake, SUBSCRIBERS);
    // Three 429s with CAMPAIGN_MAX_ATTEMPTS=2 would have failed rows had they counted.
    const attempts = await ledger(campaignId).select('attempts', 'state');
    expect(attempts.every((r) => r.state === 'sent')).toBe(true);
    expect(attempts.filter((r) => r.attempts === 1)).toHaveLength(20); // the batch that met the 503
    expect(attempts.filter((r) => r.attempts > 1)).toHaveLength(0);
  });

  it('fails only the recipient Mailgun rejects', async () => {
    fake.fault({ kind: 'status', status: 400, times: 1, body: { message: "'to' parameter is not a valid address" } });
    const campaignId = await createCampaign(app, { body: CONDITIONAL_BODY });
    await campaigns().sendNow(campaignId);
    await waitForStatus(app, campaignId, 'sent');
    expect(await progress(app, campaignId)).toMatchObject({ sent: SUBSCRIBERS - 1, failed: 1 });
    const [failed] = await ledger(campaignId).where({ state: 'failed' }).select('reason', 'attempts');
    expect(failed).toMatchObject({ attempts: 0, reason: expect.stringMatching(/rejected 400/) });
    expect(delivered()).toBe(SUBSCRIBERS - 1);
    const events = await app.strapi.db.connection('herald_events').where({ type: 'email.failed' }).select('payload');
    expect(events.map((e) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload))).toContainEqual(
      expect.objectContaining({ campaignId, subscriberIds: [expect.any(String)] })
    );
  });

  it('pauses itself when the failure rate passes the threshold, with the reason, and resumes', async () => {
    // Every call fails until cleared: parallel drain jobs interleave their calls, so a fixed number of
    // faults could spread thinly enough over the window to stay under the threshold.
    fake.fault({ kind: 'status', status: 400 });
    const campaignId = await createCampaign(app, { body: CONDITIONAL_BODY });
    await campaigns().sendNow(campaignId);
    await waitForStatus(app, campaignId, 'paused');
    const paused = await progress(app, campaignId);
    expect(paused.reason).toMatch(/^auto-paused: \d+ of the last \d+ messages failed \(threshold 50%\)$/);
    expect(paused.remaining).toBeGreaterThan(0);
    const events = await app.strapi.db.connection('herald_events').where({ type: 'campaign.paused' }).select('payload');
    expect(events.length).toBeGreaterThan(0);

    fake.clearFaults();
    await campaigns().resume(campaignId);
    await waitForStatus(app, campaignId, 'sent');
    const done = await progress(app, campaignId);
    expect(done.sent + done.failed).toBe(SUBSCRIBERS);
    expect(done.sent).toBe(delivered());
    expect([...fake.recipientCounts().values()].every((n) => n === 1)).toBe(true);
  });

  it('survives pause and resume at random points', async () => {
    const campaignId = await createCampaign(app);
    await campaigns().sendNow(campaignId);
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 400));
      await campaigns()
        .pause(campaignId)
        .catch(() => undefined); // it may have finished already
      const before = delivered();
      await new Promise((resolve) => setTimeout(resolve, 300));
      if ((await progress(app, campaignId)).status === 'paused') {
        expect(delivered() - before).toBeLessThanOrEqual(4 * 20); // at most the batches in flight, one per drain job
        await campaigns().resume(campaignId);
      }
    }
    await waitForStatus(app, campaignId, 'sent');
    expectExactlyOnce(fake, SUBSCRIBERS);
  });

  it('re-queues from the ledger when Redis loses everything mid-send', async () => {
    const campaignId = await createCampaign(app);
    await campaigns().sendNow(campaignId);
    await waitFor(() => delivered() >= 60, 20_000, 'the send to be under way');
    await deleteRedisPrefix(app.redisPrefix);
    await waitForStatus(app, campaignId, 'sent');
    expectExactlyOnce(fake, SUBSCRIBERS);
    expect(await progress(app, campaignId)).toMatchObject({ sent: SUBSCRIBERS, unknown: 0 });
  });
});
