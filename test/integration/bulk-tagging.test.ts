import { adminToken, apiToken } from '../harness/admin';
import { startHerald, type TestHerald } from '../harness/app';
import { createSegment } from '../harness/segments';
import { waitFor } from '../harness/wait';

describe('bulk tagging', () => {
  let app: TestHerald;
  let admin: string;
  let token: string;
  const knex = () => app.strapi.db.connection;
  const tagging = (body: object) => app.http().post('/audience/tagging').set('authorization', `Bearer ${admin}`).send(body);
  const tagId = async (name: string) =>
    (await app.strapi.db.query('plugin::audience.tag' as never).findOne({ where: { name } } as never))!.id;
  const links = async (tag: string) => {
    const l = app.strapi.plugin('audience').service('schema').tagLinks();
    return Number(
      (
        await knex()(l.table)
          .where(l.tagId, await tagId(tag))
          .count({ n: '*' })
      )[0].n
    );
  };
  const eventCount = async (type: string) => Number((await knex()('herald_events').where({ type }).count({ n: '*' }))[0].n);
  const timelineCount = async (type: string) => Number((await knex()('herald_subscriber_activity').where({ type }).count({ n: '*' }))[0].n);
  const create = async (email: string, status = 'unconfirmed') =>
    (
      (await app.strapi.documents('plugin::audience.subscriber' as never).create({ data: { email, status } } as never)) as unknown as {
        documentId: string;
      }
    ).documentId;

  // Many subscribers in one statement, as an import would leave them.
  const insertMany = async (count: number, status: string) => {
    const s = app.strapi.plugin('audience').service('schema').subscriberTable();
    await knex().raw(
      `INSERT INTO ?? (??, ??, ??, ??, ??, ??, ??, ??)
       SELECT 'bulk' || g, 'bulk' || g || '@example.test', ?, 'import', '{}'::jsonb, now(), now(), now() FROM generate_series(1, ?) g`,
      [s.table, s.documentId, s.email, s.status, s.source, s.fields, s.createdAt, s.updatedAt, s.publishedAt, status, count]
    );
  };

  beforeAll(async () => {
    app = await startHerald();
    admin = await adminToken(app);
    token = await apiToken(app);
    await app.strapi.documents('plugin::audience.tag' as never).create({ data: { name: 'VIP' } } as never);
  });
  afterAll(() => app?.stop());

  it('tags a few subscribers in the request, once: a second add writes and emits nothing', async () => {
    const ids = [await create('ada@example.test'), await create('grace@example.test')];
    const first = await tagging({ action: 'add', tags: ['vip', 'Newsletter'], target: { documentIds: ids } }).expect(200);
    expect(first.body).toMatchObject({ state: 'done', total: 2, changed: 4 });
    expect(await links('VIP')).toBe(2);
    expect(await links('Newsletter')).toBe(2);
    expect(await eventCount('subscriber.tagged')).toBe(2);
    expect(await timelineCount('tagged')).toBe(2);
    const tagged = await knex()('herald_events').where({ type: 'subscriber.tagged', subject: `subscriber:${ids[0]}` });
    expect(JSON.parse(tagged[0].payload).tags.sort()).toEqual([String(await tagId('VIP')), String(await tagId('Newsletter'))].sort());

    const again = await tagging({ action: 'add', tags: ['VIP'], target: { documentIds: [ids[0]] } }).expect(200);
    expect(again.body).toMatchObject({ state: 'done', changed: 0 });
    expect(await eventCount('subscriber.tagged')).toBe(2);
    expect(await timelineCount('tagged')).toBe(2);

    // The Content Manager sees the same tags, in order.
    const ada = (await app.strapi.documents('plugin::audience.subscriber' as never).findOne({
      documentId: ids[0],
      populate: { tags: { fields: ['name'] } },
    } as never)) as unknown as { tags: Array<{ name: string }> };
    expect(ada.tags.map((t) => t.name).sort()).toEqual(['Newsletter', 'VIP']);

    const removed = await app
      .http()
      .post('/api/audience/tagging')
      .set('authorization', `Bearer ${token}`)
      .send({ action: 'remove', tags: ['Newsletter'], target: { documentIds: ids } })
      .expect(200);
    expect(removed.body).toMatchObject({ changed: 2 });
    expect(await links('Newsletter')).toBe(0);
    expect(await eventCount('subscriber.untagged')).toBe(2);
    await tagging({ action: 'remove', tags: ['Newsletter'], target: { documentIds: ids } }).expect(200);
    expect(await eventCount('subscriber.untagged')).toBe(2);
  });

  it('tags a large segment in the background, batch by batch, and reports progress', async () => {
    await insertMany(2500, 'active');
    await create('bystander@example.test', 'unsubscribed');
    const segment = await createSegment(app, token, 'Active');
    const before = await eventCount('subscriber.tagged');
    const queued = await tagging({ action: 'add', tags: ['Big'], target: { segment } }).expect(202);
    expect(queued.body).toMatchObject({ action: 'add', total: 2500 });
    let job = queued.body;
    await waitFor(
      async () => {
        job = (await app.http().get(`/audience/tagging/${queued.body.id}`).set('authorization', `Bearer ${admin}`).expect(200)).body;
        return job.state === 'done' || job.state === 'failed';
      },
      60_000,
      'the tagging job'
    );
    expect(job).toMatchObject({ state: 'done', processed: 2500, changed: 2500, error: null });
    expect(await links('Big')).toBe(2500);
    expect((await eventCount('subscriber.tagged')) - before).toBe(2500);
    expect(await timelineCount('tagged')).toBe(2 + 2500);

    // Running the job again (a redelivered queue job) changes nothing.
    await knex()('herald_tagging_jobs').where({ id: job.id }).update({ state: 'queued', after_id: 0 });
    await app.strapi.plugin('audience').service('tagging').run(job.id);
    expect((await eventCount('subscriber.tagged')) - before).toBe(2500);
  });

  it('refuses bad requests with a 400 that says what is wrong', async () => {
    const message = async (body: object) => (await tagging(body).expect(400)).body.error.message;
    expect(await message({ action: 'toggle', tags: ['VIP'], target: { documentIds: ['x'] } })).toMatch(/action must be "add" or "remove"/);
    expect(await message({ action: 'add', tags: ['VIP'], target: { documentIds: ['nobody'] } })).toMatch(
      /target.documentIds: no subscriber nobody/
    );
    expect(await message({ action: 'remove', tags: ['Unheard of'], target: { documentIds: ['x'] } })).toMatch(
      /target.documentIds: no subscriber x/
    );
    const ada = (await app.strapi.db
      .query('plugin::audience.subscriber' as never)
      .findOne({ where: { email: 'ada@example.test' } } as never))!;
    expect(await message({ action: 'remove', tags: ['Unheard of'], target: { documentIds: [ada.documentId] } })).toMatch(
      /tags: no tag with the name or documentId "Unheard of"/
    );
    expect(await message({ action: 'add', tags: ['VIP'], target: { segment: 'nope' } })).toMatch(/target.segment: no segment nope/);
    await app.http().get('/audience/tagging/999999').set('authorization', `Bearer ${admin}`).expect(404);
  });
});
