import { apiToken } from '../harness/admin';
import { startHerald, type TestHerald } from '../harness/app';

// GraphQL goes through the same Document Service rules as REST: validation, events, guards, permissions.
describe('GraphQL', () => {
  let app: TestHerald;
  let token: string;
  const gql = (query: string, variables: object = {}, auth = true) => {
    const req = app.http().post('/graphql');
    return (auth ? req.set('authorization', `Bearer ${token}`) : req).send({ query, variables });
  };
  const createSubscriber = `mutation ($data: AudienceSubscriberInput!) { createAudienceSubscriber(data: $data) { documentId email status } }`;

  beforeAll(async () => {
    app = await startHerald({ HERALD_PROCESS: 'web' });
    token = await apiToken(app);
  });
  afterAll(() => app?.stop());

  it('creates a subscriber through the audience rules, and emits its event', async () => {
    const res = await gql(createSubscriber, { data: { email: ' Ada@Example.TEST ', status: 'active' } }).expect(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.createAudienceSubscriber).toMatchObject({ email: 'ada@example.test', status: 'active' });
    const events = await app.strapi.db.connection('herald_events').where({ type: 'subscriber.created' }).count('* as n');
    expect(Number(events[0].n)).toBe(1);

    const found = await gql(`{ audienceSubscribers(filters: { email: { eq: "ada@example.test" } }) { email } }`).expect(200);
    expect(found.body.data.audienceSubscribers).toEqual([{ email: 'ada@example.test' }]);
  });

  it('refuses bad input with a message naming the field', async () => {
    const bad = await gql(createSubscriber, { data: { email: 'ada@example.test', timeZone: 'Mars/Olympus' } }).expect(200);
    expect(bad.body.errors[0].message).toMatch(/timeZone/);
    const segment = await gql(`mutation ($data: SegmentsSegmentInput!) { createSegmentsSegment(data: $data) { documentId } }`, {
      data: { name: 'Broken', rules: { type: 'group', match: 'all', children: [{ type: 'status', operator: 'is', value: 'gone' }] } },
    }).expect(200);
    expect(segment.body.errors[0].message).toMatch(/children\.0\.value/);
  });

  it('answers anonymous callers with Forbidden', async () => {
    const res = await gql(`{ audienceSubscribers { email } }`, {}, false).expect(200);
    expect(res.body.errors[0].message).toBe('Forbidden access');
  });
});
