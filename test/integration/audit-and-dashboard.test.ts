import { ADMIN, adminToken, apiToken } from '../harness/admin';
import { startHerald, type TestHerald } from '../harness/app';

const UID = 'plugin::platform.webhook-subscription';

describe('audit log and queue dashboard', () => {
  let app: TestHerald;
  let admin: string;
  let token: string;
  const auth = () => ({ authorization: `Bearer ${admin}` });

  beforeAll(async () => {
    app = await startHerald();
    admin = await adminToken(app);
    token = await apiToken(app, 'crm-sync');
  });
  afterAll(() => app?.stop());

  it('records who changed which Herald entity, how, and from where', async () => {
    const viaAdmin = await app
      .http()
      .post(`/content-manager/collection-types/${UID}`)
      .set(auth())
      .set('user-agent', 'audit-test-browser')
      .send({ name: 'From the panel', url: 'https://crm.example/hook', eventTypes: ['*'], active: true })
      .expect(201);
    const documentId = viaAdmin.body.data.documentId;
    await app
      .http()
      .put(`/api/platform/webhook-subscriptions/${documentId}`)
      .set('authorization', `Bearer ${token}`)
      .send({ data: { active: false } })
      .expect(200);
    await app.strapi.documents(UID as never).delete({ documentId } as never);

    const log = await app.http().get('/platform/audit-log').set(auth()).expect(200);
    const forEntity = log.body.results.filter((r: { entity_id: string }) => r.entity_id === documentId).reverse();
    expect(forEntity).toEqual([
      expect.objectContaining({
        action: 'create',
        actor_type: 'admin',
        actor_label: ADMIN.email,
        entity_uid: UID,
        user_agent: 'audit-test-browser',
        ip: expect.any(String),
      }),
      expect.objectContaining({ action: 'update', actor_type: 'api-token', actor_label: 'crm-sync', changed_fields: ['active'] }),
      expect.objectContaining({ action: 'delete', actor_type: 'system', ip: null }),
    ]);
    const filtered = await app.http().get('/platform/audit-log?actorType=api-token').set(auth()).expect(200);
    expect(filtered.body.results.every((r: { actor_type: string }) => r.actor_type === 'api-token')).toBe(true);
    await app.http().get('/platform/audit-log?actorType=robot').set(auth()).expect(400);
  });

  it('shows the audit log to admins only', async () => {
    await app.http().get('/platform/audit-log').expect(401);
    await app.http().get('/platform/audit-log').set('authorization', `Bearer ${token}`).expect(401);
  });

  it('opens the queue dashboard only with a pass issued to a signed-in admin', async () => {
    await app.http().get('/herald/queues').expect(401);
    await app.http().get('/herald/queues').set('cookie', 'herald_queues=1.99999999999999.forged').expect(401);
    await app.http().post('/platform/queue-dashboard/session').expect(401);
    const session = await app.http().post('/platform/queue-dashboard/session').set(auth()).expect(200);
    const cookie = String(session.headers['set-cookie']).split(';')[0];
    expect(String(session.headers['set-cookie'])).toMatch(/httponly/i);
    const page = await app.http().get('/herald/queues').set('cookie', cookie).expect(200);
    expect(page.text).toMatch(/<html/i);
    const api = await app.http().get('/herald/queues/api/queues').set('cookie', cookie).expect(200);
    expect(api.body.queues.map((q: { name: string }) => q.name)).toContain('herald-webhooks');
  });
});
