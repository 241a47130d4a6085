import { apiToken } from '../harness/admin';
import { startHerald, type TestHerald } from '../harness/app';

describe('subscribers, custom fields and tags', () => {
  let app: TestHerald;
  let token: string;
  const api = (method: 'get' | 'post' | 'put' | 'delete', path: string) =>
    app.http()[method](`/api/audience${path}`).set('authorization', `Bearer ${token}`);
  const events = async () =>
    (await app.strapi.db.connection('herald_events').orderBy('id')).map((e: { type: string; subject: string }) => `${e.type}@${e.subject}`);

  beforeAll(async () => {
    app = await startHerald({ HERALD_PROCESS: 'web' });
    token = await apiToken(app);
    await api('post', '/field-definitions')
      .send({ data: { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'], required: true, defaultValue: 'free' } })
      .expect(201);
    await api('post', '/field-definitions')
      .send({ data: { key: 'score', label: 'Score', type: 'number' } })
      .expect(201);
    await api('post', '/field-definitions')
      .send({ data: { key: 'birthday', label: 'Birthday', type: 'date' } })
      .expect(201);
  });
  afterAll(() => app?.stop());

  it('stores the address normalised, applies field defaults, and emits subscriber.created', async () => {
    const res = await api('post', '/subscribers')
      .send({
        data: {
          email: '  Ada.Lovelace@Example.TEST ',
          firstName: 'Ada',
          fields: { score: '42', birthday: '1815-12-10' },
          timeZone: 'Europe/London',
        },
      })
      .expect(201);
    expect(res.body.data).toMatchObject({
      email: 'ada.lovelace@example.test',
      status: 'unconfirmed',
      fields: { plan: 'free', score: 42, birthday: '1815-12-10' },
    });
    expect(await events()).toContain(`subscriber.created@subscriber:${res.body.data.documentId}`);
  });

  it('refuses bad input with a 400 naming each field, and stores nothing', async () => {
    const before = await app.strapi.db.query('plugin::audience.subscriber' as never).count();
    const res = await api('post', '/subscribers')
      .send({ data: { email: 'not-an-address', timeZone: 'Mars/Olympus', fields: { score: 'lots', plan: 'enterprise', color: 'red' } } })
      .expect(400);
    const paths = res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['email', 'timeZone', 'fields.score', 'fields.plan', 'fields.color']));
    expect(res.body.error.message).toMatch(/email is not a valid email address/);
    expect(await app.strapi.db.query('plugin::audience.subscriber' as never).count()).toBe(before);
  });

  it('keeps addresses unique whatever their case', async () => {
    const res = await api('post', '/subscribers')
      .send({ data: { email: 'ADA.LOVELACE@example.test' } })
      .expect(400);
    expect(res.body.error.message).toMatch(/email belongs to another subscriber already/);
  });

  it('records changed fields and tags as events and on the timeline', async () => {
    const tag = await api('post', '/tags')
      .send({ data: { name: 'VIP', public: true } })
      .expect(201);
    const created = await api('post', '/subscribers')
      .send({ data: { email: 'grace@example.test' } })
      .expect(201);
    const id = created.body.data.documentId;
    await api('put', `/subscribers/${id}`)
      .send({ data: { status: 'active', fields: { score: 7 }, tags: { connect: [tag.body.data.documentId] } } })
      .expect(200);
    const subject = `subscriber:${id}`;
    expect((await events()).filter((e) => e.endsWith(subject))).toEqual([
      `subscriber.created@${subject}`,
      `subscriber.updated@${subject}`,
      `subscriber.confirmed@${subject}`,
      `subscriber.tagged@${subject}`,
    ]);
    const updated = await app.strapi.db.connection('herald_events').where({ subject, type: 'subscriber.updated' }).first();
    expect(JSON.parse(updated.payload).changed).toEqual(['status', 'fields.score']);

    const timeline = await api('get', `/subscribers/${id}/timeline`).expect(200);
    expect(timeline.body.results.map((r: { type: string }) => r.type)).toEqual(['tagged', 'updated', 'created']);
    expect(timeline.body.results[0].actor).toBe('integration');
    await api('get', '/subscribers/nope/timeline').expect(404);
  });

  it('created the indexes a million-row list needs', async () => {
    const { rows } = await app.strapi.db.connection.raw("SELECT indexname FROM pg_indexes WHERE tablename LIKE 'herald_subscribers%'");
    expect(rows.map((r: { indexname: string }) => r.indexname)).toEqual(
      expect.arrayContaining(['herald_subscribers_email_uq', 'herald_subscribers_status_id_idx', 'herald_subscriber_tags_tag_idx'])
    );
  });
});
