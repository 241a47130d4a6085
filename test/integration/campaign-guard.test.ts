import { startFakeMailgun, type FakeMailgun } from '../fakes/mailgun/server';
import { adminToken, apiToken } from '../harness/admin';
import type { TestHerald } from '../harness/app';
import { addressOf, createCampaign, progress, seedSubscribers, startCampaignHerald, waitForStatus } from './campaign-setup';

const CM = '/content-manager/collection-types/plugin::campaigns.campaign';

// The status machine owns a campaign's status and send times on every write path, and a campaign
// that has started sending keeps its content.
describe('campaign write guard', () => {
  let app: TestHerald;
  let fake: FakeMailgun;
  let token: string;
  let admin: string;
  const rest = (method: 'post' | 'put', path: string) =>
    app.http()[method](`/api/campaigns/campaigns${path}`).set('Authorization', `Bearer ${token}`);
  const cm = (method: 'get' | 'put', documentId: string) =>
    app.http()[method](`${CM}/${documentId}`).set('Authorization', `Bearer ${admin}`);

  beforeAll(async () => {
    fake = await startFakeMailgun({ apiKey: 'key-guard' });
    app = await startCampaignHerald(fake);
    token = await apiToken(app);
    admin = await adminToken(app);
    await seedSubscribers(app, 3);
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });

  it('refuses a status set through REST, on create and on update, with the reason', async () => {
    const created = await rest('post', '').send({
      data: { name: 'n', subject: 's', fromName: 'f', fromAddress: 'f@mg.herald.test', status: 'sent' },
    });
    expect(created.status).toBe(409);
    expect(created.body.error.message).toMatch(/^status is set by the send pipeline: use the campaign actions/);

    const campaignId = await createCampaign(app);
    const put = await rest('put', `/${campaignId}`).send({ data: { status: 'sending', startedAt: new Date().toISOString() } });
    expect(put.status).toBe(409);
    expect(put.body.error).toMatchObject({ status: 409, name: 'ConflictError' });
    expect(put.body.error.message).toMatch(/^status, startedAt are set by the send pipeline/);
    expect((await progress(app, campaignId)).status).toBe('draft');

    expect((await rest('put', `/${campaignId}`).send({ data: { subject: 'Edited' } })).status).toBe(200);
  });

  it('reports Liquid mistakes in the subject and preheader when saved, naming the field', async () => {
    const campaignId = await createCampaign(app);
    const unknown = await rest('put', `/${campaignId}`).send({ data: { subject: 'Hi {{ subscriber.nickname }}' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^subject: .*subscriber\.nickname.*\(line 1, column \d+\)$/);
    const broken = await rest('put', `/${campaignId}`).send({ data: { preheader: 'Hello {% if %}' } });
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toMatch(/^preheader: /);
    const fine = await rest('put', `/${campaignId}`).send({ data: { subject: 'Hi {{ subscriber.first_name | default: "there" }}' } });
    expect(fine.status).toBe(200);
  });

  it('lets the content manager save a draft form, but not a send time in it', async () => {
    const campaignId = await createCampaign(app);
    const { data: form } = (await cm('get', campaignId).expect(200)).body;
    const saved = await cm('put', campaignId).send({ ...form, subject: 'From the form', template: undefined });
    expect(saved.status).toBe(200);
    expect(saved.body.data.subject).toBe('From the form');

    const refused = await cm('put', campaignId).send({ ...form, template: undefined, sentAt: new Date().toISOString() });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/^sentAt is set by the send pipeline/);
    expect((await progress(app, campaignId)).status).toBe('draft');
  });

  it('refuses editing a sent campaign; its duplicate is an editable draft', async () => {
    const campaignId = await createCampaign(app);
    // Before it starts it is editable; its preheader (Liquid) replaces the template's.
    await rest('put', `/${campaignId}`)
      .send({ data: { preheader: 'Spring is here, {{ subscriber.first_name }}' } })
      .expect(200);
    await rest('post', `/${campaignId}/send`).expect(200);
    await waitForStatus(app, campaignId, 'sent');

    const edit = await rest('put', `/${campaignId}`).send({ data: { subject: 'Too late' } });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toBe('a sent campaign cannot be edited; duplicate it');
    expect(fake.deliveries().find((d) => d.to === addressOf(1))?.html).toContain('Spring is here, Person1');
    expect((await cm('put', campaignId).send({ subject: 'Too late' })).status).toBe(409);

    const copy = (await rest('post', `/${campaignId}/duplicate`).expect(200)).body.data;
    expect(copy.status).toBe('draft');
    expect((await rest('put', `/${copy.documentId}`).send({ data: { subject: 'Second wave' } })).status).toBe(200);
  });
});
