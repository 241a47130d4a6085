import { startHerald, type TestHerald } from '../harness/app';
import { addressOf, seedSubscribers } from './campaign-setup';

// Subscribers as the send reads them at send time: the sign-up time arrives as the text Liquid
// prints (Date#toISOString's form), whatever precision PostgreSQL stored.
describe('campaign recipients', () => {
  let app: TestHerald;

  beforeAll(async () => {
    app = await startHerald();
    await seedSubscribers(app, 2);
  });
  afterAll(() => app?.stop());

  it('reads the sign-up time in UTC to the millisecond, as Date#toISOString writes it', async () => {
    const knex = app.strapi.db.connection;
    const s = app.strapi.plugin('audience').service('schema').subscriberTable();
    await knex(s.table)
      .where(s.email, addressOf(0))
      .update({ [s.createdAt]: knex.raw(`'2026-03-04 05:06:07.891789+02'::timestamptz`) });
    await knex(s.table)
      .where(s.email, addressOf(1))
      .update({ [s.createdAt]: null });
    const ids = await knex(s.table)
      .whereIn(s.email, [addressOf(0), addressOf(1)])
      .orderBy(s.email)
      .pluck('id');
    const loaded = await app.strapi.plugin('campaigns').service('send-audience').recipients().load(ids);
    expect(loaded.get(ids[0]).createdAt).toBe(new Date('2026-03-04T05:06:07.891789+02:00').toISOString());
    expect(loaded.get(ids[0]).createdAt).toBe('2026-03-04T03:06:07.891Z');
    // As a Date parsed from NULL printed before: the epoch.
    expect(loaded.get(ids[1]).createdAt).toBe(new Date(0).toISOString());
  });

  it("reads each subscriber's tag names, sorted, and none for the untagged", async () => {
    const knex = app.strapi.db.connection;
    const schema = app.strapi.plugin('audience').service('schema');
    const s = schema.subscriberTable();
    const links = schema.tagLinks();
    const ids = await knex(s.table)
      .whereIn(s.email, [addressOf(0), addressOf(1)])
      .orderBy(s.email)
      .pluck('id');
    for (const name of ['zeta', 'alpha']) {
      const tag = (await app.strapi.documents('plugin::audience.tag' as never).create({ data: { name } } as never)) as unknown as {
        id: number;
      };
      await knex(links.table).insert({ [links.subscriberId]: ids[0], [links.tagId]: tag.id });
    }
    const loaded = await app.strapi.plugin('campaigns').service('send-audience').recipients().load(ids);
    expect(loaded.get(ids[0]).tags).toEqual(['alpha', 'zeta']);
    expect(loaded.get(ids[1]).tags).toEqual([]);
  });
});
