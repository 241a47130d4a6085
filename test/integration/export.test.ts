import { parse } from 'csv-parse/sync';
import { adminToken, apiToken } from '../harness/admin';
import { startHerald, type TestHerald } from '../harness/app';
import { createSegment } from '../harness/segments';

describe('CSV export of subscribers', () => {
  let app: TestHerald;
  let admin: string;
  let token: string;
  const documents = (uid: string) => app.strapi.documents(uid as never);
  const exportCsv = (query: Record<string, string> = {}) =>
    app.http().get('/audience/exports/subscribers.csv').set('authorization', `Bearer ${admin}`).query(query).buffer(true);
  const rows = (text: string): Array<Record<string, string>> => parse(text, { columns: true });

  beforeAll(async () => {
    app = await startHerald({ HERALD_PROCESS: 'web' });
    admin = await adminToken(app);
    token = await apiToken(app);
    await documents('plugin::audience.field-definition').create({
      data: { key: 'topics', label: 'Topics', type: 'multiselect', options: ['news', 'deals'] },
    } as never);
    const vip = (await documents('plugin::audience.tag').create({ data: { name: 'VIP' } } as never)) as unknown as { documentId: string };
    const press = (await documents('plugin::audience.tag').create({ data: { name: '@press' } } as never)) as unknown as {
      documentId: string;
    };
    await documents('plugin::audience.subscriber').create({
      data: {
        email: 'ada@acme.test',
        firstName: '=HYPERLINK("http://evil.test","click")',
        lastName: '+Lovelace',
        status: 'active',
        fields: { topics: ['news', 'deals'] },
        tags: { connect: [vip.documentId, press.documentId] },
      },
    } as never);
    await documents('plugin::audience.subscriber').create({
      data: { email: 'grace@navy.test', firstName: '\tGrace', status: 'unsubscribed' },
    } as never);
    await documents('plugin::audience.subscriber').create({
      data: { email: 'linus@acme.test', firstName: 'Linus, "the" kernel' },
    } as never);
  });
  afterAll(() => app?.stop());

  it('streams every subscriber with fixed columns, joined tags, custom fields, and neutralised formulas', async () => {
    const res = await exportCsv().expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="subscribers-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = res.text;
    expect(text.split('\n')[0]).toBe('email,first name,last name,status,source,time zone,language,created,updated,tags,topics');
    const all = rows(text);
    expect(all.map((r) => r.email)).toEqual(['ada@acme.test', 'grace@navy.test', 'linus@acme.test']);
    expect(all[0]).toMatchObject({
      'first name': `'=HYPERLINK("http://evil.test","click")`,
      'last name': `'+Lovelace`,
      status: 'active',
      tags: `VIP; @press`,
      topics: 'news; deals',
    });
    expect(all[1]['first name']).toBe(`'\tGrace`);
    expect(all[2]['first name']).toBe('Linus, "the" kernel');
    expect(new Date(all[0].created).getTime()).not.toBeNaN();
  });

  it('filters by tag, status, creation range and address search', async () => {
    expect(rows((await exportCsv({ tag: 'vip' }).expect(200)).text).map((r) => r.email)).toEqual(['ada@acme.test']);
    expect(rows((await exportCsv({ status: 'unsubscribed' }).expect(200)).text).map((r) => r.email)).toEqual(['grace@navy.test']);
    expect(rows((await exportCsv({ search: 'ACME', status: 'unconfirmed' }).expect(200)).text).map((r) => r.email)).toEqual([
      'linus@acme.test',
    ]);
    expect(rows((await exportCsv({ createdAfter: '2000-01-01', createdBefore: '2001-01-01' }).expect(200)).text)).toEqual([]);
    expect(rows((await exportCsv({ createdAfter: '2000-01-01' }).expect(200)).text)).toHaveLength(3);
  });

  it('exports a saved segment through the segment engine', async () => {
    const segment = await createSegment(app, token, 'Active');
    const res = await exportCsv({ segment }).expect(200);
    expect(rows(res.text).map((r) => r.email)).toEqual(['ada@acme.test']);
  });

  it('answers API tokens on the content API too', async () => {
    const res = await app
      .http()
      .get('/api/audience/exports/subscribers.csv')
      .query({ search: 'navy' })
      .set('authorization', `Bearer ${token}`)
      .buffer(true)
      .expect(200);
    expect(rows(res.text).map((r) => r.email)).toEqual(['grace@navy.test']);
  });

  it('refuses a bad query with a 400 naming the parameter, and strangers with a 401', async () => {
    const refused = async (query: Record<string, string>) => (await exportCsv(query).expect(400)).body.error.message;
    expect(await refused({ status: 'gone' })).toMatch(/^status must be one or more of/);
    expect(await refused({ createdAfter: 'last week' })).toMatch(/^createdAfter must be an ISO 8601 date/);
    expect(await refused({ tag: 'nope' })).toMatch(/^tag: no tag with the name or documentId "nope"/);
    expect(await refused({ segment: 'nope' })).toMatch(/^segment: no segment nope/);
    expect(await refused({ segment: 'x', tag: 'VIP' })).toMatch(/^segment cannot be combined with tag/);
    expect(await refused({ order: 'email' })).toMatch(/^unknown parameter order/);
    await app.http().get('/audience/exports/subscribers.csv').expect(401);
  });
});
