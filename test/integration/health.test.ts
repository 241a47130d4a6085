import { startHerald, type TestHerald } from '../harness/app';
import { startTcpProxy } from '../harness/tcp-proxy';
import { waitFor } from '../harness/wait';

describe('boot and health', () => {
  let app: TestHerald;
  beforeAll(async () => {
    app = await startHerald();
  });
  afterAll(() => app?.stop());

  it('answers /health with PostgreSQL, Redis and queue depths', async () => {
    const res = await app.http().get('/health').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({ status: 'ok', process: 'all', checks: { postgres: { ok: true }, redis: { ok: true } } });
    expect(res.body.queues['herald-webhooks']).toEqual(expect.objectContaining({ waiting: 0, failed: 0 }));
  });

  it('created the tables Herald owns through migrations', async () => {
    const { rows } = await app.strapi.db.connection.raw(
      "SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'herald\\_%' ORDER BY table_name"
    );
    expect(rows.map((r: { table_name: string }) => r.table_name)).toEqual(
      expect.arrayContaining([
        'herald_audit_log',
        'herald_events',
        'herald_mail_outbox',
        'herald_webhook_attempts',
        'herald_webhook_deliveries',
      ])
    );
  });

  it('loads all seven Herald plugins plus users-permissions and GraphQL', () => {
    for (const name of [
      'platform',
      'audience',
      'segments',
      'campaigns',
      'tracking',
      'automations',
      'booking',
      'users-permissions',
      'graphql',
    ]) {
      expect(app.strapi.plugin(name)).toBeDefined();
    }
  });

  it('answers GraphQL at /graphql', async () => {
    const ok = await app.http().post('/graphql').send({ query: '{ __typename }' }).expect(200);
    expect(ok.body.data.__typename).toBe('Query');
  });
});

describe('health when Redis goes away', () => {
  let app: TestHerald;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  beforeAll(async () => {
    proxy = await startTcpProxy(6379);
    app = await startHerald({ REDIS_URL: `redis://127.0.0.1:${proxy.port}`, HERALD_PROCESS: 'web' });
  });
  afterAll(async () => {
    proxy.restore();
    await app?.stop();
    await proxy.close();
  });

  it('turns 503 naming Redis, and 200 again once it is back', async () => {
    await app.http().get('/health').expect(200);
    proxy.cut();
    const down = await app.http().get('/health').expect(503);
    expect(down.body.status).toBe('unavailable');
    expect(down.body.checks.postgres.ok).toBe(true);
    expect(down.body.checks.redis).toMatchObject({ ok: false, error: expect.any(String) });
    proxy.restore();
    await waitFor(async () => (await app.http().get('/health')).status === 200, 15_000);
  });
});
