import { startFakeMailgun, type FakeMailgun } from '../fakes/mailgun/server';
import { apiToken } from '../harness/admin';
import type { TestHerald } from '../harness/app';
import {
  addressOf,
  createCampaign,
  expectExactlyOnce,
  expectTalliesMatchLedger,
  progress,
  seedSubscribers,
  startCampaignHerald,
  waitForStatus,
  CONDITIONAL_BODY,
} from './campaign-setup';

// One Herald (web and worker in this process) sending to the fake Mailgun through the real client.
describe('campaign send', () => {
  let app: TestHerald;
  let fake: FakeMailgun;
  let token: string;
  const api = (method: 'get' | 'post', path: string) =>
    app.http()[method](`/api/campaigns/campaigns${path}`).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    fake = await startFakeMailgun({ apiKey: 'key-campaigns' });
    app = await startCampaignHerald(fake, { CAMPAIGN_BATCH_SIZE: '100' });
    token = await apiToken(app);
    // 0..249 active; every 10th unsubscribed, every 25th bounced: those must never be mailed.
    await seedSubscribers(app, 250, (i) => (i % 10 === 0 ? 'unsubscribed' : i % 25 === 0 ? 'bounced' : 'active'));
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });
  afterEach(() => fake.reset());

  const inactive = (i: number) => i % 10 === 0 || i % 25 === 0;

  it('answers 20 concurrent Send requests with one send: every active subscriber once, in batches', async () => {
    await app.strapi
      .documents('plugin::campaigns.brand' as never)
      .create({ data: { postalAddress: '1 Herald Way, Springfield' } } as never);
    const campaignId = await createCampaign(app);
    expect((await api('get', `/${campaignId}/count`)).body.data).toEqual({ count: 220 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => api('post', `/${campaignId}/send`)));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    const refused = answers.filter((a) => a.status === 409);
    expect(refused).toHaveLength(19);
    expect(refused[0].body.error.message).toMatch(/cannot send/);

    await waitForStatus(app, campaignId, 'sent');
    expectExactlyOnce(fake, 250, inactive);
    expect(await progress(app, campaignId)).toMatchObject({ status: 'sent', total: 220, sent: 220, failed: 0, remaining: 0 });
    expect(fake.calls.length).toBeLessThan(10); // batch mode: up to 100 recipients per call here

    const delivery = fake.deliveries().find((d) => d.to === addressOf(7))!;
    expect(delivery.subject).toBe('News for Person7');
    expect(delivery.html).toContain('Hello Person7');
    expect(delivery.html).toContain('1 Herald Way, Springfield'); // the brand's footer address
    const call = fake.calls[delivery.callId];
    expect(call.tags).toEqual([`campaign-${campaignId}`]);
    expect(call.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(call.headers['List-ID']).toMatch(/<campaigns\.mg\.herald\.test>/);
    const vars = delivery.recipientVariables as Record<string, string>;
    expect(delivery.headers['List-Unsubscribe']).toMatch(
      new RegExp(
        `^<https://herald\\.test/api/audience/unsubscribe\\?token=[\\w.-]+>, <mailto:unsubscribe@mg\\.herald\\.test\\?subject=unsubscribe-${vars.x_send}>$`
      )
    );
    // The link's shared beginning is written once in the header; the variable holds what differs.
    expect(vars.x_unsubscribe).not.toContain('https://');
    const token = /token=([\w.-]+)>/.exec(delivery.headers['List-Unsubscribe'])![1];
    const reading = app.strapi.plugin('platform').service('tokens').read('preferences', token);
    const person7 = await app.strapi.db
      .connection('herald_subscribers')
      .where({ email: addressOf(7) })
      .first('document_id');
    expect(reading).toMatchObject({ ok: true, token: { subject: person7.document_id } });
    expect(call.variables).toEqual({ campaign: campaignId, send: '%recipient.x_send%' });

    const row = await app.strapi.db
      .connection('herald_campaign_sends')
      .where({ campaign_id: campaignId, id: Number(vars.x_send) })
      .first();
    expect(call.headers['Message-Id']).toBe(`<%recipient.x_send%.${campaignId}@mg.herald.test>`);
    expect(row).toMatchObject({ state: 'sent', message_id: `<${vars.x_send}.${campaignId}@mg.herald.test>`, provider_id: call.id });
    const events = await app.strapi.db
      .connection('herald_events')
      .whereIn('type', ['campaign.started', 'campaign.sent', 'email.sent'])
      .select('type', 'payload');
    const sentIds = events
      .filter((e) => e.type === 'email.sent')
      .flatMap((e) => (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload).subscriberIds);
    expect(new Set(sentIds).size).toBe(220);
    expect(events.filter((e) => e.type === 'campaign.sent')).toHaveLength(1);
    await expectTalliesMatchLedger(app.strapi.db.connection, campaignId);
  });

  // vip: every third active subscriber (tagged in the test below).
  const isVip = (i: number) => i % 3 === 1;
  const tagVips = async () => {
    const knex = app.strapi.db.connection;
    const schema = app.strapi.plugin('audience').service('schema');
    const s = schema.subscriberTable();
    const links = schema.tagLinks();
    const tag = (await app.strapi.documents('plugin::audience.tag' as never).create({ data: { name: 'vip' } } as never)) as unknown as {
      id: number;
    };
    const vips = Array.from({ length: 250 }, (_, i) => i)
      .filter(isVip)
      .map(addressOf);
    const ids = await knex(s.table).whereIn(s.email, vips).pluck('id');
    await knex(links.table).insert(ids.map((id: number) => ({ [links.subscriberId]: id, [links.tagId]: tag.id })));
  };

  it('renders per recipient through batch calls: the "show only if" block reaches vips only', async () => {
    await tagVips();
    const campaignId = await createCampaign(app, { body: CONDITIONAL_BODY });
    await api('post', `/${campaignId}/send`).expect(200);
    await waitForStatus(app, campaignId, 'sent');
    expectExactlyOnce(fake, 250, inactive);
    expect(fake.calls.length).toBeLessThan(10); // batch calls of up to 100 here, not one per recipient
    const deliveries = fake.deliveries();
    expect(deliveries).toHaveLength(220);
    for (const d of deliveries) {
      const i = Number(/person(\d+)@/.exec(d.to)![1]);
      expect(d.subject).toBe(`News for Person${i}`);
      expect(d.html).toContain(`Hello Person${i}`);
      expect(d.html.includes('VIP only')).toBe(isVip(i));
      expect(d.text.includes('VIP only')).toBe(isVip(i));
      expect(d.html).not.toMatch(/%recipient\.|\{[{%]/);
    }
    const call = fake.calls[deliveries[0].callId];
    expect(call.html).not.toContain('VIP only'); // the block travels in recipient-variables
    for (const d of deliveries)
      expect(d.headers['List-Unsubscribe']).toMatch(/^<https:\/\/herald\.test\/api\/audience\/unsubscribe\?token=[\w.-]+>, /);
  });

  it('gives each recipient their own Liquid: if/else, filters, assign carried across the message', async () => {
    const body = {
      blocks: [
        {
          id: 'greeting',
          type: 'heading',
          level: 1,
          // Static text between the stretches: `name` must carry from the first to the last.
          text: '{% assign name = subscriber.first_name | upcase %}{% if subscriber.tags contains "vip" %}Dear VIP {{ name }}{% else %}Hi {{ name | downcase }}{% endif %}, signed for {{ name | append: "!" }}',
        },
        { id: 'footer', type: 'footer' },
      ],
    };
    const campaignId = await createCampaign(app, { body });
    await api('post', `/${campaignId}/send`).expect(200);
    await waitForStatus(app, campaignId, 'sent');
    expectExactlyOnce(fake, 250, inactive);
    expect(fake.calls.length).toBeLessThan(10);
    for (const d of fake.deliveries()) {
      const i = Number(/person(\d+)@/.exec(d.to)![1]);
      expect(d.html).toContain(`${isVip(i) ? `Dear VIP PERSON${i}` : `Hi person${i}`}, signed for PERSON${i}!`);
    }
  });

  it('sends a recipient whose own data reads as a substitution in a call of their own', async () => {
    const knex = app.strapi.db.connection;
    const s = app.strapi.plugin('audience').service('schema').subscriberTable();
    await knex(s.table)
      .where(s.email, addressOf(7))
      .update({ [s.firstName]: '%recipient.x_send%' });
    try {
      const campaignId = await createCampaign(app);
      await api('post', `/${campaignId}/send`).expect(200);
      await waitForStatus(app, campaignId, 'sent');
      expectExactlyOnce(fake, 250, inactive);
      const delivery = fake.deliveries().find((d) => d.to === addressOf(7))!;
      expect(fake.calls[delivery.callId].to).toEqual([addressOf(7)]);
      expect(fake.calls[delivery.callId].recipientVariables).toBeNull();
      expect(delivery.subject).toBe('News for %recipient.x_send%');
      expect(delivery.html).toContain('Hello %recipient.x_send%');
    } finally {
      await knex(s.table)
        .where(s.email, addressOf(7))
        .update({ [s.firstName]: 'Person7' });
    }
  });

  it('refuses illegal status changes with 409 and the reason', async () => {
    const campaignId = await createCampaign(app);
    const pause = await api('post', `/${campaignId}/pause`);
    expect(pause.status).toBe(409);
    expect(pause.body.error.message).toBe('cannot pause a draft campaign: only a campaign that is sending can be paused');
    expect((await api('post', `/${campaignId}/resume`)).status).toBe(409);
    await api('post', `/${campaignId}/cancel`).expect(200);
    const send = await api('post', `/${campaignId}/send`);
    expect(send.status).toBe(409);
    expect(send.body.error.message).toMatch(/cannot send a cancelled campaign/);
    expect(fake.calls).toHaveLength(0);
  });
});
