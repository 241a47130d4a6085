import type { HeraldEvent } from '../../types/shared/events';
import { startHerald, type TestHerald } from '../harness/app';
import { waitFor } from '../harness/wait';

// The bus in a web process: no dispatcher runs by itself, so each test drives its own.
describe('event bus', () => {
  let app: TestHerald;
  const events = () => app.strapi.plugin('platform').service('events');
  const knex = () => app.strapi.db.connection;
  const pending = async () => Number((await knex()('herald_events').whereNull('delivered_at').count('* as n'))[0].n);

  beforeAll(async () => {
    app = await startHerald({ HERALD_PROCESS: 'web', EVENT_DISPATCH_POLL_MS: '20' });
  });
  afterAll(() => app?.stop());
  afterEach(async () => {
    await events().stopDispatchers();
    await knex()('herald_events').del();
  });

  it('writes nothing when the emitting transaction rolls back, and the event when it commits', async () => {
    await expect(
      knex().transaction(async (trx: unknown) => {
        await events().emit('platform.test', { message: 'rolled back' }, { transaction: trx });
        throw new Error('the write failed');
      })
    ).rejects.toThrow('the write failed');
    expect(await knex()('herald_events').count('* as n')).toEqual([{ n: '0' }]);

    const seen: HeraldEvent[] = [];
    const off = events().subscribe('platform.*', (e: HeraldEvent) => {
      seen.push(e);
    });
    await knex().transaction((trx: unknown) => events().emit('platform.test', { message: 'committed' }, { transaction: trx }));
    await events().startDispatcher();
    await waitFor(() => seen.length === 1, 5000, 'delivery');
    off();
    expect(seen[0]).toMatchObject({ type: 'platform.test', subject: 'platform.test', payload: { message: 'committed' } });
    await waitFor(async () => (await pending()) === 0, 5000, 'delivered mark');
  });

  it('delivers each event exactly once across two dispatchers, in order per subject', async () => {
    const received: Array<HeraldEvent<'platform.test'>> = [];
    const off = events().subscribe('platform.test', (e: HeraldEvent<'platform.test'>) => {
      received.push(e);
    });
    const first = events().createDispatcher();
    const second = events().createDispatcher();
    await Promise.all([first.start(), second.start()]);

    // 40 writers race the dispatchers, each a transaction emitting 50 events over 25 subjects,
    // while one more writer commits 100 events to one subject one by one.
    const emitted: string[] = [];
    const racing = Array.from({ length: 40 }, (_, w) =>
      knex().transaction(async (trx: unknown) => {
        for (let i = 0; i < 50; i++) {
          emitted.push(
            await events().emit('platform.test', { message: `${w}:${i}` }, { transaction: trx, subject: `s${(w * 50 + i) % 25}` })
          );
        }
      })
    );
    const sequential = (async () => {
      for (let i = 0; i < 100; i++) emitted.push(await events().emit('platform.test', { message: `seq:${i}` }, { subject: 'seq' }));
    })();
    await Promise.all([...racing, sequential]);
    await waitFor(() => received.length >= emitted.length, 30_000, 'all 2100 events');
    await waitFor(async () => (await pending()) === 0, 10_000, 'delivered marks');
    off();

    const ids = received.map((e) => e.id);
    expect(ids).toHaveLength(2100);
    expect(new Set(ids)).toEqual(new Set(emitted));
    // Order within a subject follows commit order: one transaction's events, and one-by-one commits, never swap.
    const order = new Map<string, number[]>();
    for (const e of received) {
      const [writer, index] = e.payload.message.split(':');
      const key = `${e.subject}/${writer}`;
      order.set(key, [...(order.get(key) ?? []), Number(index)]);
    }
    expect(order.get('seq/seq')).toEqual(Array.from({ length: 100 }, (_, i) => i));
    for (const list of order.values()) expect(list).toEqual([...list].sort((a, b) => a - b));
  });

  it('retries a failing subscriber later while holding back only that subject', async () => {
    const received: string[] = [];
    let failuresLeft = 2;
    const off = events().subscribe('platform.test', (e: HeraldEvent<'platform.test'>) => {
      if (e.subject === 'flaky' && failuresLeft > 0) {
        failuresLeft--;
        throw new Error('receiver is down');
      }
      received.push(`${e.subject}:${e.payload.message}`);
    });
    await events().emit('platform.test', { message: '1' }, { subject: 'flaky' });
    await events().emit('platform.test', { message: '2' }, { subject: 'flaky' });
    await events().emit('platform.test', { message: 'a' }, { subject: 'steady' });
    await events().startDispatcher();
    await waitFor(() => received.length === 3, 15_000, 'retried delivery');
    off();
    expect(received.filter((r) => r.startsWith('flaky'))).toEqual(['flaky:1', 'flaky:2']);
    expect(received.indexOf('steady:a')).toBe(0);
    const row = await knex()('herald_events').where({ subject: 'flaky' }).orderBy('id').first();
    expect(row.attempts).toBe(2);
    expect(row.last_error).toBe('receiver is down');
  });

  it('forwards matching events to a queue as jobs named after the event, once per event', async () => {
    events().forward('platform.*', 'test-forward');
    const id = await events().emit('platform.test', { message: 'to a queue' });
    await events().startDispatcher();
    const queue = app.strapi.plugin('platform').service('queues').queue('test-forward');
    await waitFor(async () => (await queue.getJobCounts('waiting')).waiting === 1, 5000, 'forwarded job');
    const [job] = await queue.getJobs(['waiting']);
    expect(job.id).toBe(`event-${id}`);
    expect(job.name).toBe('platform.test');
    expect(job.data).toMatchObject({ id, payload: { message: 'to a queue' } });
  });
});
