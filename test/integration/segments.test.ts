import { adminToken, apiToken } from '../harness/admin';
import { startHerald, type TestHerald } from '../harness/app';
import { waitFor } from '../harness/wait';

describe('segments over the real subscriber tables', () => {
  let app: TestHerald;
  let token: string;
  let admin: string;
  const ids: Record<string, string> = {};
  let vip: { id: number; documentId: string };
  const api = (method: 'get' | 'post' | 'put', path: string) => app.http()[method](`/api${path}`).set('authorization', `Bearer ${token}`);

  beforeAll(async () => {
    app = await startHerald();
    token = await apiToken(app);
    admin = await adminToken(app);
    await api('post', '/audience/field-definitions')
      .send({ data: { key: 'score', label: 'Score', type: 'number' } })
      .expect(201);
    vip = (
      await api('post', '/audience/tags')
        .send({ data: { name: 'VIP' } })
        .expect(201)
    ).body.data;
    const people = [
      { email: 'ada@example.test', status: 'active', fields: { score: 90 }, tags: [vip.documentId] },
      { email: 'bob@example.test', status: 'active', fields: { score: 20 }, tags: [vip.documentId] },
      { email: 'cy@example.test', status: 'unsubscribed', fields: { score: 95 } },
      { email: 'di@example.test', status: 'active' },
    ];
    for (const p of people) ids[p.email] = (await api('post', '/audience/subscribers').send({ data: p }).expect(201)).body.data.documentId;
  });
  afterAll(() => app?.stop());

  const vipHighScorers = () => ({
    type: 'group',
    match: 'all',
    children: [
      { type: 'tags', operator: 'has_any', tagIds: [vip.id] },
      { type: 'field', field: 'score', operator: 'gt', value: 50 },
    ],
  });

  it('counts and previews unsaved rules for the builder, and points at a bad node', async () => {
    const auth = { authorization: `Bearer ${admin}` };
    const count = await app.http().post('/segments/count').set(auth).send({ rules: vipHighScorers() }).expect(200);
    expect(count.body).toMatchObject({ count: 1, tookMs: expect.any(Number) });
    const preview = await app.http().post('/segments/preview').set(auth).send({ rules: vipHighScorers() }).expect(200);
    expect(preview.body.subscribers.map((s: { email: string }) => s.email)).toEqual(['ada@example.test']);

    const bad = { type: 'group', match: 'all', children: [{ type: 'field', field: 'score', operator: 'contains', value: 'x' }] };
    const refused = await app.http().post('/segments/count').set(auth).send({ rules: bad }).expect(400);
    expect(refused.body.error.message).toMatch(/^rules\.children\.0/);
    await app.http().post('/segments/count').send({ rules: vipHighScorers() }).expect(401);
  });

  it('saves a segment only with valid rules, then counts, streams and tests membership', async () => {
    const refused = await api('post', '/segments/segments')
      .send({ data: { name: 'Broken', rules: { type: 'group', match: 'maybe', children: [] } } })
      .expect(400);
    expect(refused.body.error.message).toMatch(/rules/);

    const saved = await api('post', '/segments/segments')
      .send({
        data: {
          name: 'Active, or VIP high scorers',
          rules: { type: 'group', match: 'any', children: [{ type: 'status', operator: 'is', value: 'active' }, vipHighScorers()] },
        },
      })
      .expect(201);
    const documentId = saved.body.data.documentId;
    const count = await api('get', `/segments/segments/${documentId}/count`).expect(200);
    expect(count.body.count).toBe(3);

    const engine = app.strapi.plugin('segments').service('engine');
    const streamed: number[] = [];
    for await (const page of engine.stream(documentId, { batchSize: 2 })) streamed.push(...page);
    expect(streamed).toHaveLength(3);
    expect([...streamed].sort((a, b) => a - b)).toEqual(streamed);

    const cy = await app.strapi.db.query('plugin::audience.subscriber' as never).findOne({ where: { email: 'cy@example.test' } } as never);
    const ada = await app.strapi.db
      .query('plugin::audience.subscriber' as never)
      .findOne({ where: { email: 'ada@example.test' } } as never);
    expect(await engine.contains(documentId, (cy as { id: number }).id)).toBe(false);
    expect(await engine.contains(documentId, (ada as { id: number }).id)).toBe(true);
    await api('get', '/segments/segments/nope/count').expect(404);
  });

  it('folds engagement events into the rollup exactly once, and segments on it', async () => {
    const events = app.strapi.plugin('platform').service('events');
    const at = new Date().toISOString();
    await events.emit('email.opened', { campaignId: 'spring', subscriberId: ids['bob@example.test'], at });
    await events.emit('email.opened', { campaignId: 'spring', subscriberId: ids['bob@example.test'], at });
    await waitFor(async () => (await app.strapi.db.connection('herald_engagement_applied').count('* as n'))[0].n === '2', 10_000, 'rollup');
    const [row] = await app.strapi.db.connection('herald_engagement_daily').select();
    expect(row).toMatchObject({ campaign_id: 'spring', kind: 'opened', count: 2 });

    // A redelivered event changes nothing.
    const [event] = await app.strapi.db.connection('herald_events').where({ type: 'email.opened' }).orderBy('id').limit(1);
    await app.strapi
      .plugin('segments')
      .service('engagement')
      .apply({ ...event, id: String(event.id), payload: JSON.parse(event.payload), createdAt: at });
    expect((await app.strapi.db.connection('herald_engagement_daily').first()).count).toBe(2);

    const openedTwice = { type: 'group', match: 'all', children: [{ type: 'engagement', action: 'opened', minCount: 2, withinDays: 30 }] };
    expect(await app.strapi.plugin('segments').service('engine').count(openedTwice)).toBe(1);
  });
});
