import { apiToken } from '../harness/admin';
import { startHerald, type TestHerald } from '../harness/app';

describe('preference center and unsubscribe', () => {
  let app: TestHerald;
  let token: string;
  const tags: Record<string, string> = {};
  const api = (method: 'get' | 'post', path: string) => app.http()[method](`/api/audience${path}`).set('authorization', `Bearer ${token}`);
  const links = (documentId: string) => app.strapi.plugin('audience').service('preferences').links(documentId, app.url);
  const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;
  const pathOf = (link: string) => new URL(link).pathname + new URL(link).search;
  const status = async (documentId: string) =>
    (await app.strapi.db.connection('herald_subscribers').where({ document_id: documentId }).first()).status;
  const consents = async (documentId: string) => (await api('get', `/subscribers/${documentId}/consents`).expect(200)).body.data;
  const newSubscriber = async (email: string, extra: Record<string, unknown> = {}) =>
    (
      await api('post', '/subscribers')
        .send({ data: { email, status: 'active', ...extra } })
        .expect(201)
    ).body.data.documentId as string;

  beforeAll(async () => {
    app = await startHerald({ HERALD_PROCESS: 'web' });
    token = await apiToken(app);
    for (const [name, isPublic] of [
      ['Product news', true],
      ['Events', true],
      ['VIP', false],
    ] as const) {
      tags[name] = (
        await api('post', '/tags')
          .send({ data: { name, public: isPublic } })
          .expect(201)
      ).body.data.documentId;
    }
  });
  afterAll(() => app?.stop());

  it('gives absolute preference and unsubscribe links', async () => {
    const id = await newSubscriber('links@example.test');
    const { preferences, unsubscribe } = links(id);
    expect(preferences).toMatch(new RegExp(`^${app.url}/api/audience/preferences\\?token=`));
    expect(unsubscribe).toMatch(new RegExp(`^${app.url}/api/audience/unsubscribe\\?token=`));
  });

  it('shows public topics only and saves names and topics, keeping private tags', async () => {
    const id = await newSubscriber('ada@example.test', { firstName: 'Ada', tags: { connect: [tags.VIP, tags.Events] } });
    const link = links(id).preferences;
    const page = await app.http().get(pathOf(link)).expect(200);
    expect(page.text).toContain('Product news');
    expect(page.text).not.toContain('VIP');
    expect(page.text).toMatch(/value="Ada"/);
    expect(page.headers['referrer-policy']).toBe('no-referrer');

    const saved = await app
      .http()
      .post('/api/audience/preferences')
      .type('form')
      .send(`token=${encodeURIComponent(tokenOf(link))}&firstName=Augusta&lastName=King&topics=${tags['Product news']}`)
      .expect(200);
    expect(saved.text).toContain('Your preferences are saved.');
    const stored = (await api('get', `/subscribers/${id}?populate=tags`).expect(200)).body.data;
    expect(stored).toMatchObject({ firstName: 'Augusta', lastName: 'King', status: 'active' });
    expect(stored.tags.map((t: { name: string }) => t.name).sort()).toEqual(['Product news', 'VIP']);
  });

  it('unsubscribes from the page only on POST, recording the withdrawal and the event', async () => {
    const id = await newSubscriber('grace@example.test');
    const link = links(id).unsubscribe;
    const page = await app.http().get(pathOf(link)).expect(200);
    expect(page.text).toContain('Unsubscribe</button>');
    await app.http().head(pathOf(link)).expect(200);
    expect(await status(id)).toBe('active');

    await app
      .http()
      .post('/api/audience/unsubscribe')
      .type('form')
      .send({ token: tokenOf(link) })
      .expect(200);
    expect(await status(id)).toBe('unsubscribed');
    expect((await consents(id))[0]).toMatchObject({ action: 'withdrawn', method: 'unsubscribe-page' });
    const events = await app.strapi.db
      .connection('herald_events')
      .where({ subject: `subscriber:${id}` })
      .pluck('type');
    expect(events).toContain('subscriber.unsubscribed');
  });

  it('honours RFC 8058 one-click unsubscribe at once', async () => {
    const id = await newSubscriber('oneclick@example.test');
    const res = await app
      .http()
      .post(pathOf(links(id).unsubscribe))
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(res.text).toBe('Unsubscribed');
    expect(await status(id)).toBe('unsubscribed');
    expect(await consents(id)).toEqual([expect.objectContaining({ action: 'withdrawn', method: 'one-click' })]);
    // A second delivery of the same POST changes nothing more.
    await app
      .http()
      .post(pathOf(links(id).unsubscribe))
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    expect(await consents(id)).toHaveLength(1);
  });

  it('needs fresh consent to subscribe again from the preference center', async () => {
    const id = await newSubscriber('back@example.test');
    const t = tokenOf(links(id).preferences);
    await app.http().post('/api/audience/preferences').type('form').send({ token: t, unsubscribe: 'true' }).expect(200);
    expect(await status(id)).toBe('unsubscribed');

    const page = await app
      .http()
      .get(`/api/audience/preferences?token=${encodeURIComponent(t)}`)
      .expect(200);
    expect(page.text).toContain('Yes, send me your emails again.');
    const without = await app.http().post('/api/audience/preferences').type('form').send({ token: t, firstName: 'B' }).expect(200);
    expect(without.text).toContain('You are still unsubscribed');
    expect(await status(id)).toBe('unsubscribed');

    await app.http().post('/api/audience/preferences').type('form').send({ token: t, consent: 'true' }).expect(200);
    expect(await status(id)).toBe('active');
    const history = await consents(id);
    expect(history.map((c: { action: string }) => c.action)).toEqual(['granted', 'withdrawn']);
    expect(history[0]).toMatchObject({
      method: 'preference-center',
      wording: 'Yes, send me your emails again. I can unsubscribe at any time.',
    });
    expect(history[0].confirmedAt).toBeTruthy();
  });

  it('asks an unsubscribed address to confirm again when it signs up through a double opt-in form', async () => {
    const id = await newSubscriber('return@example.test', { status: 'unsubscribed' });
    await api('post', '/field-definitions')
      .send({ data: { key: 'color', label: 'Color', type: 'text' } })
      .expect(201);
    const form = (
      await api('post', '/forms')
        .send({ data: { name: 'Rejoin', consentText: 'Email me again' } })
        .expect(201)
    ).body.data;
    await app
      .http()
      .post(`/api/audience/forms/${form.documentId}/submissions`)
      .set('accept', 'application/json')
      .send({ email: 'return@example.test', consent: true })
      .expect(200);
    expect(await status(id)).toBe('unconfirmed');
    expect(await app.strapi.db.connection('herald_mail_outbox').where({ to_address: 'return@example.test' })).toHaveLength(1);
    expect((await consents(id))[0]).toMatchObject({ action: 'granted', method: 'form', wording: 'Email me again', confirmedAt: null });
  });

  it('refuses forged, expired and wrong-purpose tokens with a 4xx page', async () => {
    const id = await newSubscriber('forged@example.test');
    const tokens = app.strapi.plugin('platform').service('tokens');
    const good = tokenOf(links(id).preferences);
    const forged = `${Buffer.from(JSON.stringify({ s: id, e: Date.now() + 1e9, d: {} })).toString('base64url')}.${good.split('.')[1]}`;
    const forgedPage = await app.http().get('/api/audience/preferences').query({ token: forged }).expect(400);
    expect(forgedPage.text).toContain('This link is not valid');
    await app
      .http()
      .get('/api/audience/unsubscribe')
      .query({ token: tokens.issue('preferences', id, -1) })
      .expect(410);
    await app
      .http()
      .get('/api/audience/preferences')
      .query({ token: tokens.issue('confirm', id, 60_000) })
      .expect(400);
    await app.http().post('/api/audience/unsubscribe').query({ token: forged }).type('form').send('List-Unsubscribe=One-Click').expect(400);
    await app.http().post('/api/audience/preferences').type('form').send({ token: 'garbage', unsubscribe: 'true' }).expect(400);
    const gone = tokens.issue('preferences', 'no-such-subscriber', 60_000);
    await app.http().get('/api/audience/preferences').query({ token: gone }).expect(404);
    expect(await status(id)).toBe('active');
  });
});
