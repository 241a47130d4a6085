import { createHmac, timingSafeEqual } from 'node:crypto';
import { adminToken, apiToken } from '../harness/admin';
import { startHerald, type TestHerald } from '../harness/app';
import { startReceiver } from '../harness/receiver';
import { waitFor } from '../harness/wait';

// How a receiver checks Herald-Signature, written from the README's recipe, not from Herald's code.
const receiverVerifies = (secret: string, header: string, body: string): boolean => {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest('hex');
  const fresh = Math.abs(Date.now() / 1000 - Number(parts.t)) < 300;
  return fresh && expected.length === parts.v1.length && timingSafeEqual(Buffer.from(expected), Buffer.from(parts.v1));
};

describe('outbound webhooks', () => {
  let app: TestHerald;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let admin: string;
  let token: string;

  beforeAll(async () => {
    receiver = await startReceiver();
    app = await startHerald();
    admin = await adminToken(app);
    token = await apiToken(app);
  });
  afterAll(async () => {
    await app?.stop();
    await receiver?.close();
  });

  const createSubscription = async (data: Record<string, unknown>) =>
    app.http().post('/api/platform/webhook-subscriptions').set('authorization', `Bearer ${token}`).send({ data });

  it('refuses a subscription with a bad URL or event list, saying which field is wrong', async () => {
    const badUrl = await createSubscription({ name: 'bad', url: 'ftp://example.test/hook', eventTypes: ['*'] });
    expect(badUrl.status).toBe(400);
    expect(JSON.stringify(badUrl.body.error)).toMatch(/url must be an absolute http\(s\) URL/);
    const badTypes = await createSubscription({ name: 'bad', url: `${receiver.url}/hook`, eventTypes: 'everything' });
    expect(badTypes.status).toBe(400);
    expect(JSON.stringify(badTypes.body.error)).toMatch(/eventTypes must be a non-empty list/);
  });

  it('POSTs each matching event, signed; retries after a 500; logs every attempt; resends on demand', async () => {
    const created = await createSubscription({ name: 'crm', url: `${receiver.url}/hook`, eventTypes: ['platform.*'] });
    expect(created.status).toBe(201);
    expect(created.body.data.secret).toBeUndefined(); // private: never returned by the API
    const { secret } = await app.strapi.db
      .connection('herald_webhook_subscriptions')
      .where({ document_id: created.body.data.documentId })
      .first();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await createSubscription({ name: 'other', url: `${receiver.url}/other`, eventTypes: ['campaign.sent'] });

    receiver.answer({ status: 500, body: 'database is down' });
    const eventId = await app.strapi.plugin('platform').service('events').emit('platform.test', { message: 'hello' });

    await waitFor(() => receiver.received.filter((r) => r.url === '/hook').length === 2, 15_000, 'the retry');
    const [failed, retried] = receiver.received.filter((r) => r.url === '/hook');
    expect(receiver.received.some((r) => r.url === '/other')).toBe(false);
    for (const r of [failed, retried]) {
      expect(r.headers['content-type']).toBe('application/json');
      expect(r.headers['herald-event']).toBe('platform.test');
      expect(receiverVerifies(secret, String(r.headers['herald-signature']), r.body)).toBe(true);
      expect(receiverVerifies('not-the-secret-0123456789', String(r.headers['herald-signature']), r.body)).toBe(false);
      expect(JSON.parse(r.body)).toMatchObject({ id: eventId, type: 'platform.test', data: { message: 'hello' } });
    }

    const auth = { authorization: `Bearer ${admin}` };
    let list = await app.http().get('/platform/webhook-deliveries').set(auth).expect(200);
    await waitFor(
      async () => {
        list = await app.http().get('/platform/webhook-deliveries').set(auth).expect(200);
        return list.body.results[0]?.status === 'delivered';
      },
      5000,
      'delivered status'
    );
    const delivery = list.body.results[0];
    expect(delivery).toMatchObject({ event_type: 'platform.test', attempts: 2, last_status_code: 200 });
    const details = await app.http().get(`/platform/webhook-deliveries/${delivery.id}`).set(auth).expect(200);
    expect(details.body.attempts_log).toEqual([
      expect.objectContaining({ attempt: 1, status_code: 500, response_excerpt: 'database is down', error: 'HTTP 500' }),
      expect.objectContaining({ attempt: 2, status_code: 200, error: null }),
    ]);
    expect(details.body.attempts_log[0].duration_ms).toEqual(expect.any(Number));

    await app.http().post(`/platform/webhook-deliveries/${delivery.id}/resend`).set(auth).expect(200);
    await waitFor(() => receiver.received.filter((r) => r.url === '/hook').length === 3, 10_000, 'the resend');
    await app.http().post('/platform/webhook-deliveries/999999/resend').set(auth).expect(404);
    await app.http().get('/platform/webhook-deliveries?pageSize=1000').set(auth).expect(400);
  });

  it('keeps the delivery list for admins only', async () => {
    await app.http().get('/platform/webhook-deliveries').expect(401);
    await app.http().get('/platform/webhook-deliveries').set('authorization', `Bearer ${token}`).expect(401);
  });
});
