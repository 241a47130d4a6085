import { startFakeMailgun, type FakeMailgun } from '../fakes/mailgun/server';
import type { TestHerald } from '../harness/app';
import { testEnv } from '../harness/env';
import { spawnHerald, type Spawned } from '../harness/spawn';
import { waitFor } from '../harness/wait';
import {
  campaignEnv,
  createCampaign,
  expectExactlyOnce,
  progress,
  seedSubscribers,
  startCampaignHerald,
  waitForStatus,
} from './campaign-setup';

const SUBSCRIBERS = 400;
// 50 messages/s across all workers: a send takes about 8 s, long enough to kill a worker in it.
const SLOW = { CAMPAIGN_RATE_PER_MINUTE: '3000', CAMPAIGN_BATCH_SIZE: '20' };

// A web Herald in this process; the sending happens in separate worker processes that get killed.
describe('campaign send across worker processes', () => {
  let web: TestHerald;
  let fake: FakeMailgun;
  const workers: Spawned[] = [];
  const campaigns = () => web.strapi.plugin('campaigns').service('campaign');

  const startWorker = async (extra: Record<string, string> = {}): Promise<Spawned> => {
    const worker = spawnHerald(
      'worker',
      testEnv(web.databaseName, web.redisPrefix, campaignEnv(fake, { ...SLOW, LOG_LEVEL: 'info', ...extra }))
    );
    workers.push(worker);
    await waitFor(() => /Herald worker ready/.test(worker.output()), 60_000, 'a worker to start');
    return worker;
  };

  beforeAll(async () => {
    fake = await startFakeMailgun({ apiKey: 'key-campaign-workers' });
    web = await startCampaignHerald(fake, { ...SLOW, HERALD_PROCESS: 'web' });
    await seedSubscribers(web, SUBSCRIBERS);
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) {
      worker.child.kill('SIGKILL');
      await worker.exited;
    }
    fake.reset();
  });
  afterAll(async () => {
    await web?.stop();
    await fake?.close();
  });

  it('SIGKILL mid-send, restart: nobody twice, nobody missing once the unknown batch is decided', async () => {
    const first = await startWorker({ CAMPAIGN_PARALLEL_JOBS: '1' });
    const campaignId = await createCampaign(web);
    await campaigns().sendNow(campaignId);
    await waitFor(() => fake.deliveries().length >= 100, 30_000, 'the send to be under way');
    first.child.kill('SIGKILL');
    await first.exited;
    const atKill = fake.deliveries().length;
    expect(atKill).toBeLessThan(SUBSCRIBERS);

    await startWorker({ CAMPAIGN_PARALLEL_JOBS: '1' });
    await waitForStatus(web, campaignId, 'sent');
    expect([...fake.recipientCounts().values()].every((n) => n === 1)).toBe(true);

    // A batch the dead worker had handed over is `unknown`: decide it the way an operator would,
    // from the provider's log (here the fake's), and never by guessing.
    const unknown = await web.strapi.db
      .connection('herald_campaign_sends')
      .where({ campaign_id: campaignId, state: 'unknown' })
      .select('subscriber_id');
    expect(unknown.length).toBeLessThanOrEqual(20);
    if (unknown.length) {
      const received = new Set(fake.deliveries().map((d) => d.to));
      const s = web.strapi.plugin('audience').service('schema').subscriberTable();
      const emails = (
        await web.strapi.db
          .connection(s.table)
          .whereIn(
            'id',
            unknown.map((u) => u.subscriber_id)
          )
          .select(s.email)
      ).map((r) => r[s.email]);
      const took = emails.filter((e) => received.has(e)).length;
      expect([0, emails.length]).toContain(took); // one batch call: all of it or none of it
      await campaigns().resolveUnknown(campaignId, took ? 'sent' : 'resend');
      await waitForStatus(web, campaignId, 'sent');
    }
    expectExactlyOnce(fake, SUBSCRIBERS);
    expect(await progress(web, campaignId)).toMatchObject({ sent: SUBSCRIBERS, unknown: 0, remaining: 0 });
  });

  it('SIGTERM mid-send: the worker finishes its batch and exits 0; a new one completes with no unknowns', async () => {
    const first = await startWorker();
    const campaignId = await createCampaign(web);
    await campaigns().sendNow(campaignId);
    await waitFor(() => fake.deliveries().length >= 100, 30_000, 'the send to be under way');
    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
    expect((await progress(web, campaignId)).remaining).toBeGreaterThan(0);

    await startWorker();
    await waitForStatus(web, campaignId, 'sent');
    expectExactlyOnce(fake, SUBSCRIBERS);
    expect(await progress(web, campaignId)).toMatchObject({ sent: SUBSCRIBERS, unknown: 0 });
  });

  it('two workers share one send without sending anything twice', async () => {
    await Promise.all([startWorker(), startWorker()]);
    const campaignId = await createCampaign(web);
    await campaigns().sendNow(campaignId);
    await waitForStatus(web, campaignId, 'sent');
    expectExactlyOnce(fake, SUBSCRIBERS);
    expect(await progress(web, campaignId)).toMatchObject({ sent: SUBSCRIBERS, unknown: 0 });
  });
});
