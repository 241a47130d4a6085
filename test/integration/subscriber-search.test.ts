import { adminToken, apiToken } from '../harness/admin';
import { startHerald, type TestHerald } from '../harness/app';

// The search box of the admin's subscriber list (and REST `_q`): indexed prefix matches on the
// address and names, combined with whatever filters the list has.
describe('subscriber search', () => {
  let app: TestHerald;
  let admin: string;
  let api: string;
  const people = [
    { email: 'ada@analytical.test', firstName: 'Ada', lastName: 'Lovelace', status: 'active' },
    { email: 'charles@analytical.test', firstName: 'Charles', lastName: 'Babbage', status: 'active' },
    { email: 'grace@navy.test', firstName: 'Grace', lastName: 'Hopper', status: 'unsubscribed' },
    { email: 'alan@bletchley.test', firstName: 'Alan', lastName: 'Turing', status: 'active' },
  ];

  const listed = async (query: string) => {
    const res = await app
      .http()
      .get(`/content-manager/collection-types/plugin::audience.subscriber?page=1&pageSize=10&sort=email:ASC&${query}`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    return { emails: res.body.results.map((r: { email: string }) => r.email), total: res.body.pagination.total };
  };

  beforeAll(async () => {
    app = await startHerald({ HERALD_PROCESS: 'web' });
    admin = await adminToken(app);
    api = await apiToken(app);
    for (const data of people) await app.strapi.documents('plugin::audience.subscriber' as never).create({ data } as never);
  });
  afterAll(() => app?.stop());

  it('finds by the start of the address, whatever its case, with the total the list shows', async () => {
    expect(await listed('_q=ADA@')).toEqual({ emails: ['ada@analytical.test'], total: 1 });
    expect(await listed('_q=a')).toEqual({ emails: ['ada@analytical.test', 'alan@bletchley.test'], total: 2 });
  });

  it('finds by the start of a first or last name, or both', async () => {
    expect((await listed('_q=hop')).emails).toEqual(['grace@navy.test']);
    expect((await listed('_q=babb')).emails).toEqual(['charles@analytical.test']);
    expect((await listed(`_q=${encodeURIComponent('ada lov')}`)).emails).toEqual(['ada@analytical.test']);
    expect((await listed(`_q=${encodeURIComponent('ada tur')}`)).emails).toEqual([]);
  });

  it('keeps the list’s filters, and no longer matches status or other columns', async () => {
    expect((await listed('_q=analytical')).emails).toEqual([]);
    expect((await listed('_q=active')).emails).toEqual([]);
    expect((await listed('_q=g&filters[$and][0][status][$eq]=active')).emails).toEqual([]);
    expect((await listed('_q=g&filters[$and][0][status][$eq]=unsubscribed')).emails).toEqual(['grace@navy.test']);
  });

  it('treats LIKE wildcards in a search as plain characters', async () => {
    expect(await listed(`_q=${encodeURIComponent('%')}`)).toEqual({ emails: [], total: 0 });
    expect(await listed('_q=_')).toEqual({ emails: [], total: 0 });
  });

  it('answers REST searches the same way', async () => {
    const res = await app.http().get('/api/audience/subscribers?_q=tur').set('Authorization', `Bearer ${api}`).expect(200);
    expect(res.body.data.map((r: { email: string }) => r.email)).toEqual(['alan@bletchley.test']);
  });

  it('is answered from the prefix indexes', async () => {
    const { rows } = await app.strapi.db.connection.raw("SELECT indexname FROM pg_indexes WHERE tablename = 'herald_subscribers'");
    expect(rows.map((r: { indexname: string }) => r.indexname)).toEqual(
      expect.arrayContaining([
        'herald_subscribers_email_prefix_idx',
        'herald_subscribers_first_name_prefix_idx',
        'herald_subscribers_last_name_prefix_idx',
      ])
    );
  });
});
