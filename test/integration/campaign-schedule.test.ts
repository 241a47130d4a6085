import { DateTime } from 'luxon';
import { startFakeMailgun, type FakeMailgun } from '../fakes/mailgun/server';
import { apiToken } from '../harness/admin';
import type { TestHerald } from '../harness/app';
import { waitFor } from '../harness/wait';
import {
  addressOf,
  createCampaign,
  expectExactlyOnce,
  progress,
  seedSubscribers,
  startCampaignHerald,
  waitForStatus,
} from './campaign-setup';

// Scheduled campaigns start by themselves: the reconciler's tick (every 500 ms here) starts what is due.
describe('campaign scheduling', () => {
  let app: TestHerald;
  let fake: FakeMailgun;
  let token: string;
  const api = (path: string) => app.http().post(`/api/campaigns/campaigns${path}`).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    fake = await startFakeMailgun({ apiKey: 'key-schedule' });
    app = await startCampaignHerald(fake);
    token = await apiToken(app);
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });
  afterEach(() => fake.reset());

  const setZones = async (zoneOf: (i: number) => string | null) => {
    const s = app.strapi.plugin('audience').service('schema').subscriberTable();
    for (let i = 5; i <= 10; i++)
      await app.strapi.db
        .connection(s.table)
        .where({ [s.email]: addressOf(i) })
        .update({ [s.timeZone]: zoneOf(i) });
  };

  it('starts a campaign scheduled a few seconds ahead at that moment, and sends it once', async () => {
    await seedSubscribers(app, 5);
    const campaignId = await createCampaign(app);
    const at = DateTime.now().setZone('America/New_York').plus({ seconds: 3 }).startOf('second');
    const scheduled = await api(`/${campaignId}/schedule`).send({
      schedule: { mode: 'at', at: at.toISO({ includeOffset: false }), zone: 'America/New_York' },
    });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.data.status).toBe('scheduled');

    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await progress(app, campaignId)).status).toBe('scheduled');
    expect(fake.calls).toHaveLength(0);

    await waitForStatus(app, campaignId, 'sent', 30_000);
    const row = await app.strapi.db.connection('herald_campaigns').where({ document_id: campaignId }).first('started_at');
    expect(new Date(row.started_at).getTime()).toBeGreaterThanOrEqual(at.toMillis());
    expectExactlyOnce(fake, 5);
  });

  it("sends at HH:MM in each subscriber's zone: those whose time has come now, the others later", async () => {
    // The first test's people leave; six new ones (5..10) arrive. Even ones are in Kiritimati
    // (UTC+14), where the time passed two minutes ago today; odd ones in Pago Pago (UTC-11), 25
    // hours behind, one of them (5) through the default zone.
    const s = app.strapi.plugin('audience').service('schema').subscriberTable();
    await app.strapi.db.connection(s.table).update({ [s.status]: 'unsubscribed' });
    await seedSubscribers(app, 6, () => 'active', 5);
    await setZones((i) => (i % 2 === 0 ? 'Pacific/Kiritimati' : i === 5 ? null : 'Pacific/Pago_Pago'));
    const passed = DateTime.now().setZone('Pacific/Kiritimati').minus({ minutes: 2 });
    const schedule = { mode: 'local', time: passed.toFormat('HH:mm'), date: passed.toISODate(), defaultZone: 'Pacific/Pago_Pago' };

    const campaignId = await createCampaign(app);
    expect((await api(`/${campaignId}/schedule`).send({ schedule })).status).toBe(200);
    await waitFor(async () => (await progress(app, campaignId)).sent === 3, 30_000, 'the due half sent');
    await new Promise((resolve) => setTimeout(resolve, 1500)); // nothing more goes out meanwhile

    expectExactlyOnce(fake, 11, (i) => i < 5 || i % 2 === 1);
    expect(await progress(app, campaignId)).toMatchObject({ status: 'sending', sent: 3, remaining: 3 });
    const later = await app.strapi.db
      .connection('herald_campaign_sends')
      .where({ campaign_id: campaignId, state: 'queued' })
      .select('due_at');
    const expected = DateTime.fromISO(`${schedule.date}T${schedule.time}`, { zone: 'Pacific/Pago_Pago' }).toMillis();
    expect(later.map((r) => new Date(r.due_at).getTime())).toEqual([expected, expected, expected]);

    await api(`/${campaignId}/cancel`).expect(200);
  });
});
