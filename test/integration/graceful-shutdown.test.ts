import { startHerald, type TestHerald } from '../harness/app';
import { testEnv } from '../harness/env';
import { startReceiver } from '../harness/receiver';
import { spawnHerald, type Spawned } from '../harness/spawn';
import { waitFor } from '../harness/wait';

// A web Herald in this process and a separate worker process share one database and Redis prefix.
// The worker is mid-way through a slow webhook delivery when it gets SIGTERM.
describe('graceful shutdown', () => {
  let web: TestHerald;
  let worker: Spawned | undefined;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeAll(async () => {
    receiver = await startReceiver();
    web = await startHerald({ HERALD_PROCESS: 'web' });
  });
  afterAll(async () => {
    worker?.child.kill('SIGKILL');
    await web?.stop();
    await receiver?.close();
  });

  it('finishes the job in flight, then exits 0', async () => {
    worker = spawnHerald('worker', testEnv(web.databaseName, web.redisPrefix, { SHUTDOWN_DRAIN_TIMEOUT_MS: '20000', LOG_LEVEL: 'info' }));
    await waitFor(() => /Herald worker ready/.test(worker!.output()), 60_000, 'the worker to start');

    await web.strapi
      .documents('plugin::platform.webhook-subscription' as never)
      .create({ data: { name: 'slow', url: `${receiver.url}/slow`, eventTypes: ['*'], active: true } } as never);
    receiver.answer({ status: 200, delayMs: 3000, body: 'took my time' });
    await web.strapi.plugin('platform').service('events').emit('platform.test', { message: 'slow one' });

    await waitFor(() => receiver.received.length === 1, 20_000, 'the delivery to start');
    const signalledAt = Date.now();
    worker.child.kill('SIGTERM');
    const { code } = await worker.exited;
    expect(code).toBe(0);
    expect(Date.now() - signalledAt).toBeGreaterThanOrEqual(2500); // it waited for the response

    const [delivery] = await web.strapi.db.connection('herald_webhook_deliveries').select();
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, last_status_code: 200 });
    expect(receiver.received).toHaveLength(1);
    expect(worker.output()).toMatch(/Strapi has been shut down/);
  });
});
