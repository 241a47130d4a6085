import { adminToken } from '../harness/admin';
import { startHerald, type TestHerald } from '../harness/app';

// No Mailgun key: the mail transport stores each recipient's message in the outbox, shown to admins.
describe('mail outbox fallback', () => {
  let app: TestHerald;
  let admin: string;
  const mail = () => app.strapi.plugin('platform').service('mail');

  beforeAll(async () => {
    app = await startHerald();
    admin = await adminToken(app);
  });
  afterAll(() => app?.stop());

  it('is used when no Mailgun key is set', () => {
    expect(mail().transportName()).toBe('outbox');
  });

  it('stores a batch as each recipient would see it, and lists it for admins', async () => {
    const result = await mail().sendBatch({
      from: 'News <news@herald.test>',
      subject: 'Hello %recipient.first%',
      html: '<p>Hi %recipient.first%, your code is %recipient.code%</p>',
      text: 'Hi %recipient.first%',
      headers: { 'List-Unsubscribe': '<https://herald.test/u/%recipient.token%>' },
      tags: ['newsletter'],
      recipients: [
        { address: 'ada@example.test', variables: { first: 'Ada', code: 1, token: 'tok-a' } },
        { address: 'bob@example.test', variables: { first: 'Bob', code: 2, token: 'tok-b' } },
      ],
    });
    expect(result.accepted).toBe(2);

    const auth = { authorization: `Bearer ${admin}` };
    const list = await app.http().get('/platform/outbox?q=ada').set(auth).expect(200);
    expect(list.body.transport).toBe('outbox');
    expect(list.body.results).toHaveLength(1);
    expect(list.body.results[0]).toMatchObject({ to_address: 'ada@example.test', subject: 'Hello Ada', tags: ['newsletter'] });

    const message = await app.http().get(`/platform/outbox/${list.body.results[0].id}`).set(auth).expect(200);
    expect(message.body.html).toBe('<p>Hi Ada, your code is 1</p>');
    expect(message.body.text_body).toBe('Hi Ada');
    expect(message.body.headers).toEqual({ 'List-Unsubscribe': '<https://herald.test/u/tok-a>' });
    expect(message.body.variables).toMatchObject({ first: 'Ada', code: 1 });
    expect(message.body.message_id).toMatch(/^<[0-9a-f-]+@herald\.test>$/);

    const all = await app.http().get('/platform/outbox').set(auth).expect(200);
    expect(all.body.pagination.total).toBe(2);
    await app.http().get('/platform/outbox/0').set(auth).expect(400);
    await app.http().get('/platform/outbox/123456').set(auth).expect(404);
    await app.http().get('/platform/outbox').expect(401);
  });

  it('stores a single message to several addresses, one row each', async () => {
    await mail().send({ from: 'a@herald.test', to: ['c@example.test', 'd@example.test'], subject: 'Plain', text: 'Hello' });
    const rows = await app.strapi.db.connection('herald_mail_outbox').whereIn('to_address', ['c@example.test', 'd@example.test']);
    expect(rows).toHaveLength(2);
  });
});
