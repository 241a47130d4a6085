import { startFakeMailgun, type FakeMailgun } from '../fakes/mailgun/server';
import type { TestHerald } from '../harness/app';
import {
  addressOf,
  createCampaign,
  expectExactlyOnce,
  progress,
  seedSubscribers,
  startCampaignHerald,
  waitForStatus,
} from './campaign-setup';

const SUBSCRIBERS = 120;
const BATCH = 50;
const BAD = 37; // in the first batch of 50

// Batch mode against a Mailgun that refuses any call holding one particular address.
describe('campaign batch send with one rejected address', () => {
  let app: TestHerald;
  let fake: FakeMailgun;

  beforeAll(async () => {
    fake = await startFakeMailgun({ apiKey: 'key-campaign-batch' });
    app = await startCampaignHerald(fake, { CAMPAIGN_BATCH_SIZE: String(BATCH) });
    await seedSubscribers(app, SUBSCRIBERS);
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });

  it('splits the refused batch into calls of one: only that recipient fails, everyone else once', async () => {
    fake.rejectAddress(addressOf(BAD));
    const campaignId = await createCampaign(app);
    await app.strapi.plugin('campaigns').service('campaign').sendNow(campaignId);
    await waitForStatus(app, campaignId, 'sent');

    expectExactlyOnce(fake, SUBSCRIBERS, (i) => i === BAD);
    expect(await progress(app, campaignId)).toMatchObject({ status: 'sent', sent: SUBSCRIBERS - 1, failed: 1 });
    // The other two batches went whole; the refused one came back as single calls (the fake records
    // only accepted calls, so its 49 good recipients each appear in a call of their own).
    const sizes = fake.calls.map((c) => c.to.length).sort((a, b) => b - a);
    expect(sizes).toEqual([BATCH, SUBSCRIBERS - 2 * BATCH, ...Array<number>(BATCH - 1).fill(1)]);

    const knex = app.strapi.db.connection;
    const s = app.strapi.plugin('audience').service('schema').subscriberTable();
    const bad = await knex(s.table).where(s.email, addressOf(BAD)).first();
    const failed = await knex('herald_campaign_sends')
      .where({ campaign_id: campaignId, state: 'failed' })
      .select('subscriber_id', 'reason');
    expect(failed).toEqual([{ subscriber_id: bad.id, reason: expect.stringMatching(/rejected 400.*not a valid address/) }]);

    const events = await knex('herald_events').where({ type: 'email.failed' }).select('payload');
    const payloads = events.map((e) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload));
    expect(payloads).toEqual([expect.objectContaining({ campaignId, subscriberIds: [bad[s.documentId]] })]);
  });
});
