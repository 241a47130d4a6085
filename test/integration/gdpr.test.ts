import { createHash } from 'node:crypto';
import { adminToken, apiToken } from '../harness/admin';
import { startHerald, type TestHerald } from '../harness/app';
import { csvText, importApi } from '../harness/csv';

describe('GDPR export and erasure', () => {
  let app: TestHerald;
  let admin: string;
  let token: string;
  let ada: string;
  const knex = () => app.strapi.db.connection;
  const gdpr = () => app.strapi.plugin('audience').service('gdpr');
  const asAdmin = (method: 'get' | 'post', path: string) => app.http()[method](`/audience${path}`).set('authorization', `Bearer ${admin}`);
  const hash = (email: string) => createHash('sha256').update(email).digest('hex');

  beforeAll(async () => {
    app = await startHerald({ HERALD_PROCESS: 'web' });
    admin = await adminToken(app);
    token = await apiToken(app);
    const vip = (await app.strapi.documents('plugin::audience.tag' as never).create({ data: { name: 'VIP' } } as never)) as unknown as {
      documentId: string;
    };
    ada = (
      (await app.strapi.documents('plugin::audience.subscriber' as never).create({
        data: { email: 'ada@example.test', firstName: 'Ada', status: 'active', tags: { connect: [vip.documentId] } },
      } as never)) as unknown as { documentId: string }
    ).documentId;
    await app.strapi.documents('plugin::audience.subscriber' as never).create({ data: { email: 'grace@example.test' } } as never);
    await app.strapi.plugin('audience').service('consents').grant({
      subscriberDocumentId: ada,
      email: 'ada@example.test',
      basis: 'consent',
      method: 'form',
      wording: 'Yes, send me news',
    });
    await app.strapi.plugin('platform').service('mail').send({
      from: 'news@herald.test',
      to: 'Ada@Example.test',
      subject: 'Welcome',
      html: '<p>Hi</p>',
      text: 'Hi',
    });
  });
  afterAll(() => app?.stop());

  it('exports everything held about one subscriber, for an admin', async () => {
    const res = await asAdmin('get', `/subscribers/${ada}/gdpr-export`).expect(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="subscriber-${ada}.json"`);
    expect(res.body.profile).toMatchObject({ documentId: ada, email: 'ada@example.test', firstName: 'Ada', tags: [{ name: 'VIP' }] });
    expect(res.body.profile.id).toBeUndefined();
    expect(res.body.consents).toEqual([expect.objectContaining({ action: 'granted' })]);
    expect(res.body.timeline.map((t: { type: string }) => t.type)).toEqual(expect.arrayContaining(['created']));
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['subscriber.created']));
    expect(res.body.events.find((e: { type: string }) => e.type === 'subscriber.created').payload).toMatchObject({
      email: 'ada@example.test',
      tags: [expect.any(String)],
    });
    expect(res.body.mail).toEqual([expect.objectContaining({ to_address: 'Ada@Example.test', subject: 'Welcome' })]);
    await asAdmin('get', '/subscribers/nobody/gdpr-export').expect(404);
  });

  it('gives the subscriber a signed 7-day link, and refuses forged or expired ones', async () => {
    const link = await asAdmin('post', `/subscribers/${ada}/gdpr-export-link`).expect(201);
    expect(new Date(link.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);
    // Relative when PUBLIC_URL is empty, as in tests.
    const url = new URL(link.body.url, 'http://herald.test');
    expect(url.pathname).toBe('/api/audience/gdpr/export');
    const tokenInLink = url.searchParams.get('token')!;
    const own = await app.http().get('/api/audience/gdpr/export').query({ token: tokenInLink }).expect(200);
    expect(own.headers['content-disposition']).toMatch(/^attachment/);
    expect(own.body.profile.email).toBe('ada@example.test');

    const [body, signature] = tokenInLink.split('.');
    const forgedBody = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), s: 'someone-else' })
    ).toString('base64url');
    const forged = await app
      .http()
      .get('/api/audience/gdpr/export')
      .query({ token: `${forgedBody}.${signature}` })
      .expect(400);
    expect(forged.body.error.message).toBe('token: bad signature');
    const expired = app.strapi.plugin('platform').service('tokens').issue('gdpr-export', ada, -1000);
    expect((await app.http().get('/api/audience/gdpr/export').query({ token: expired }).expect(400)).body.error.message).toBe(
      'token: expired'
    );
    const otherPurpose = app.strapi.plugin('platform').service('tokens').issue('unsubscribe', ada, 60_000);
    await app.http().get('/api/audience/gdpr/export').query({ token: otherPurpose }).expect(400);
    await app.http().get('/api/audience/gdpr/export').expect(400);
  });

  it('erases the subscriber in one go, leaving only hashes, and blocks the address from coming back', async () => {
    expect(await gdpr().isErased('ada@example.test')).toBe(false);
    await app.http().post(`/api/audience/subscribers/${ada}/erase`).expect(403);
    await app.http().post(`/api/audience/subscribers/${ada}/erase`).set('authorization', `Bearer ${token}`).expect(200);

    expect(await app.strapi.db.query('plugin::audience.subscriber' as never).findOne({ where: { documentId: ada } } as never)).toBeNull();
    const l = app.strapi.plugin('audience').service('schema').tagLinks();
    const vip = await app.strapi.db.query('plugin::audience.tag' as never).findOne({ where: { name: 'VIP' } } as never);
    expect(await knex()(l.table).where(l.tagId, vip!.id)).toEqual([]);
    expect(await knex()('herald_subscriber_activity').where({ subscriber_document_id: ada })).toEqual([]);
    expect(await knex()('herald_mail_outbox').whereRaw('lower(to_address) = ?', ['ada@example.test'])).toEqual([]);
    const consents = await knex()('herald_consents').where({ email_hash: hash('ada@example.test') });
    expect(consents).toHaveLength(1);
    expect(consents[0].subscriber_document_id).toBeNull();
    expect(await knex()('herald_erasures').pluck('email_hash')).toEqual([hash('ada@example.test')]);

    const events = await knex()('herald_events')
      .where({ subject: `subscriber:${ada}` })
      .orderBy('id');
    expect(events.map((e: { payload: string }) => e.payload).join(' ')).not.toContain('ada@example.test');
    expect(JSON.parse(events.find((e: { type: string }) => e.type === 'subscriber.created').payload).email).toBe('[erased]');
    expect(events[events.length - 1]).toMatchObject({ type: 'subscriber.erased' });
    expect(JSON.parse(events[events.length - 1].payload)).toEqual({ subscriberId: ada });

    expect(await gdpr().isErased(' ADA@example.test ')).toBe(true);
    expect(await gdpr().isErased('grace@example.test')).toBe(false);
    await asAdmin('post', `/subscribers/${ada}/erase`).expect(404);
    await app
      .http()
      .get('/api/audience/gdpr/export')
      .query({ token: app.strapi.plugin('platform').service('tokens').issue('gdpr-export', ada, 60_000) })
      .expect(404);
  });

  it('keeps an erased address out of a later import, reporting the row', async () => {
    const imports = importApi(app, admin);
    const uploaded = await imports.upload(csvText([['email'], ['ada@example.test'], ['new@example.test']])).expect(201);
    const id = uploaded.body.id as string;
    await imports.start(id, { mapping: ['email'], mode: 'upsert', consentBasis: 'consent' }).expect(202);
    // A web process has no import worker: run the job here.
    await app.strapi.plugin('audience').service('import-runner').run(id);

    const emails = await knex()('herald_subscribers').pluck('email');
    expect(emails.sort()).toEqual(['grace@example.test', 'new@example.test']);
    const report = (await imports.errors(id).expect(200)).text;
    expect(report).toContain('ada@example.test');
    expect(report).toContain('erased at its owner’s request');
  });
});
