import { adminToken, apiToken } from '../harness/admin';
import { startHerald, type TestHerald } from '../harness/app';

describe('public forms and double opt-in', () => {
  let app: TestHerald;
  let token: string;
  let tagId: string;
  const api = (method: 'get' | 'post' | 'put', path: string) =>
    app.http()[method](`/api/audience${path}`).set('authorization', `Bearer ${token}`);
  const createForm = async (data: Record<string, unknown>) =>
    (
      await api('post', '/forms')
        .send({ data: { name: 'Newsletter', consentText: 'Yes, email me the newsletter.', fields: { items: [{ key: 'plan' }] }, ...data } })
        .expect(201)
    ).body.data;
  const submit = (formId: string, body: Record<string, unknown>) =>
    app.http().post(`/api/audience/forms/${formId}/submissions`).set('accept', 'application/json').send(body);
  const subscriber = (email: string) => app.strapi.db.connection('herald_subscribers').where({ email }).first();
  const outbox = (email: string) => app.strapi.db.connection('herald_mail_outbox').where({ to_address: email }).orderBy('id');
  const confirmLink = (text: string) => /http:\/\/[^\s]+\/api\/audience\/confirm\?token=[^\s]+/.exec(text)![0];
  const tokenOf = (link: string) => decodeURIComponent(new URL(link).searchParams.get('token')!);

  beforeAll(async () => {
    app = await startHerald({ HERALD_PROCESS: 'web' });
    token = await apiToken(app);
    await api('post', '/field-definitions')
      .send({ data: { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'], required: true } })
      .expect(201);
    await api('post', '/field-definitions')
      .send({ data: { key: 'referrer', label: 'Referrer', type: 'text' } })
      .expect(201);
    tagId = (
      await api('post', '/tags')
        .send({ data: { name: 'Newsletter' } })
        .expect(201)
    ).body.data.documentId;
  });
  afterAll(() => app?.stop());

  it('refuses a bad form with a 400 naming each attribute, and versions the consent wording', async () => {
    const bad = await api('post', '/forms')
      .send({
        data: { name: '', consentText: ' ', fields: { items: [{ key: 'shoe' }] }, hiddenFields: { plan: 'gold' }, redirectUrl: 'ftp://x' },
      })
      .expect(400);
    const paths = bad.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'consentText', 'fields.items.0.key', 'hiddenFields.plan', 'redirectUrl']));
    const missing = await api('post', '/forms')
      .send({ data: { name: 'X', consentText: 'Yes' } })
      .expect(400);
    expect(missing.body.error.message).toMatch(/must include the required custom field "plan"/);

    const form = await createForm({ consentVersion: 99 });
    expect(form.consentVersion).toBe(1);
    const renamed = await api('put', `/forms/${form.documentId}`)
      .send({ data: { name: 'Renamed' } })
      .expect(200);
    expect(renamed.body.data.consentVersion).toBe(1);
    const reworded = await api('put', `/forms/${form.documentId}`)
      .send({ data: { consentText: 'New wording' } })
      .expect(200);
    expect(reworded.body.data.consentVersion).toBe(2);
  });

  it('serves an accessible hosted page with every text escaped', async () => {
    const form = await createForm({ name: '<b>News & more</b>', consentText: 'I agree to <script>x</script>' });
    const res = await app.http().get(`/api/audience/forms/${form.documentId}/page`).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('<html lang="en">');
    expect(res.text.match(/<h1/g)).toHaveLength(1);
    expect(res.text).toContain('&lt;b&gt;News &amp; more&lt;/b&gt;');
    expect(res.text).not.toContain('<script>');
    for (const id of ['field-email', 'field-plan', 'field-consent']) expect(res.text).toMatch(new RegExp(`<label[^>]* for="${id}"`));
    await app.http().get('/api/audience/forms/nope/page').expect(404);

    const definition = await app
      .http()
      .get(`/api/audience/forms/${form.documentId}/definition`)
      .set('origin', 'https://shop.example')
      .expect(200);
    expect(definition.headers['access-control-allow-origin']).toBe('*');
    expect(definition.body.data).toMatchObject({
      name: '<b>News & more</b>',
      consent: { version: 1 },
      fields: [{ key: 'plan', options: ['free', 'pro'] }],
    });
    expect(definition.body.data).not.toHaveProperty('hiddenFields');
  });

  it('answers a filled honeypot like a person but stores nothing', async () => {
    const form = await createForm({});
    const res = await submit(form.documentId, {
      email: 'bot@example.test',
      fields: { plan: 'free' },
      consent: true,
      website: 'http://spam.test',
    }).expect(200);
    expect(res.body.data.status).toBe('confirmation-sent');
    expect(await subscriber('bot@example.test')).toBeUndefined();
    expect(await outbox('bot@example.test')).toHaveLength(0);
  });

  it('refuses bad input with a 400 naming each field, as JSON and as the page again', async () => {
    const form = await createForm({ fields: { items: [{ key: 'firstName', required: true }, { key: 'plan' }] } });
    const json = await submit(form.documentId, { email: 'nope', fields: { plan: 'gold', shoe: 1 } }).expect(400);
    expect(json.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'))).toEqual([
      'email',
      'firstName',
      'fields.plan',
      'fields.shoe',
      'consent',
    ]);
    const page = await app
      .http()
      .post(`/api/audience/forms/${form.documentId}/submissions`)
      .type('form')
      .send('email=ada%40example.test&fields%5Bplan%5D=gold')
      .expect(400);
    expect(page.text).toContain('role="alert"');
    expect(page.text).toContain('Plan must be one of free, pro');
    expect(page.text).toContain('value="ada@example.test"');
    expect(page.text).toMatch(/id="field-plan"[^>]*aria-invalid="true"/);
    expect(await subscriber('ada@example.test')).toBeUndefined();
  });

  it('limits submissions per form and address with a 429 and Retry-After', async () => {
    const form = await createForm({});
    for (let i = 0; i < 10; i++) await submit(form.documentId, { email: 'nope' }).expect(400);
    const limited = await submit(form.documentId, { email: 'nope' }).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('runs double opt-in: one mail a day, a scanner GET never confirms, the POST does', async () => {
    const form = await createForm({ hiddenFields: { referrer: 'landing' }, tags: { connect: [tagId] } });
    const email = 'grace@example.test';
    const first = await submit(form.documentId, { email: 'Grace@Example.TEST', fields: { plan: 'pro' }, consent: 'on' }).expect(200);
    expect(first.body.data.status).toBe('confirmation-sent');
    await submit(form.documentId, { email, fields: { plan: 'pro' }, consent: true }).expect(200);
    const created = await subscriber(email);
    expect(created).toMatchObject({ status: 'unconfirmed', source: 'form' });
    const mails = await outbox(email);
    expect(mails).toHaveLength(1);
    const link = confirmLink(mails[0].text_body);
    expect(mails[0].html).toContain('/api/audience/confirm?token=');

    // What a link scanner does: GET and HEAD the link. It sees a button and changes nothing.
    const scanned = await app
      .http()
      .get(new URL(link).pathname + new URL(link).search)
      .expect(200);
    expect(scanned.text).toContain('Confirm my subscription</button>');
    await app
      .http()
      .head(new URL(link).pathname + new URL(link).search)
      .expect(200);
    expect((await subscriber(email)).status).toBe('unconfirmed');

    const confirmed = await app
      .http()
      .post('/api/audience/confirm')
      .type('form')
      .send({ token: tokenOf(link) })
      .expect(200);
    expect(confirmed.text).toContain('Your subscription is confirmed');
    expect((await subscriber(email)).status).toBe('active');
    const again = await app
      .http()
      .post('/api/audience/confirm')
      .type('form')
      .send({ token: tokenOf(link) })
      .expect(200);
    expect(again.text).toContain('Nothing to confirm');

    const events = await app.strapi.db
      .connection('herald_events')
      .where({ subject: `subscriber:${created.document_id}` })
      .orderBy('id')
      .pluck('type');
    // Created with the form's tags: one subscriber.created carrying them, no separate subscriber.tagged.
    expect(events).toEqual(expect.arrayContaining(['subscriber.created', 'form.submitted', 'subscriber.confirmed']));
    expect(events).not.toContain('subscriber.tagged');
    const consents = (await api('get', `/subscribers/${created.document_id}/consents`).expect(200)).body.data;
    expect(consents.map((c: { method: string }) => c.method)).toEqual(['double-opt-in', 'form', 'form']);
    expect(consents[0]).toMatchObject({
      action: 'granted',
      formDocumentId: form.documentId,
      formVersion: '1',
      wording: 'Yes, email me the newsletter.',
    });
    expect(consents[0].confirmedAt).toBeTruthy();
    expect(consents[1].confirmedAt).toBeNull();
    expect(consents[0].emailHash).toMatch(/^[0-9a-f]{64}$/);

    const stored = (await api('get', `/subscribers/${created.document_id}`).expect(200)).body.data;
    expect(stored.fields).toEqual({ plan: 'pro', referrer: 'landing' });

    await app.http().get(`/api/audience/forms/${form.documentId}/page`).expect(200);
    const counts = { views: 1, submissions: 2, confirmations: 1 };
    expect((await api('get', `/forms/${form.documentId}`).expect(200)).body.data.counts).toEqual(counts);
    const admin = await adminToken(app);
    const viaAdmin = await app.http().get(`/audience/forms/${form.documentId}/counts`).set('authorization', `Bearer ${admin}`).expect(200);
    expect(viaAdmin.body.data).toEqual(counts);
  });

  it('refuses forged and expired confirmation links with a 4xx page', async () => {
    const tokens = app.strapi.plugin('platform').service('tokens');
    const good = tokens.issue('confirm', 'someone', 60_000, { form: 'x' });
    const forged = `${good.split('.')[0]}.${'0'.repeat(64)}`;
    const forgedPage = await app.http().get('/api/audience/confirm').query({ token: forged }).expect(400);
    expect(forgedPage.text).toContain('role="alert"');
    await app.http().post('/api/audience/confirm').type('form').send({ token: forged }).expect(400);
    await app
      .http()
      .post('/api/audience/confirm')
      .type('form')
      .send({ token: tokens.issue('confirm', 'someone', -1, { form: 'x' }) })
      .expect(410);
    await app
      .http()
      .post('/api/audience/confirm')
      .type('form')
      .send({ token: tokens.issue('preferences', 'someone', 60_000) })
      .expect(400);
    await app.http().post('/api/audience/confirm').type('form').send({}).expect(400);
  });

  it('subscribes at once without double opt-in, and merges tags and fields for an active subscriber', async () => {
    const form = await createForm({ doubleOptIn: false, successMessage: 'Welcome aboard', tags: { connect: [tagId] } });
    const page = await app
      .http()
      .post(`/api/audience/forms/${form.documentId}/submissions`)
      .type('form')
      .send('email=linus%40example.test&fields%5Bplan%5D=free&consent=true')
      .expect(200);
    expect(page.text).toContain('Welcome aboard');
    const created = await subscriber('linus@example.test');
    expect(created.status).toBe('active');
    expect(await outbox('linus@example.test')).toHaveLength(0);

    const other = await createForm({ doubleOptIn: true, hiddenFields: { referrer: 'second' } });
    const res = await submit(other.documentId, { email: 'linus@example.test', fields: { plan: 'pro' }, consent: true }).expect(200);
    expect(res.body.data.status).toBe('subscribed');
    const stored = (await api('get', `/subscribers/${created.document_id}?populate=tags`).expect(200)).body.data;
    expect(stored).toMatchObject({ status: 'active', fields: { plan: 'pro', referrer: 'second' } });
    expect(stored.tags.map((t: { documentId: string }) => t.documentId)).toEqual([tagId]);
    expect(await outbox('linus@example.test')).toHaveLength(0);
  });

  it('lets anonymous visitors reach only the public endpoints', async () => {
    const anonymous = app.http();
    await anonymous.get('/api/audience/subscribers').expect(403);
    await anonymous.get('/api/audience/forms').expect(403);
    await anonymous
      .post('/api/audience/forms')
      .send({ data: { name: 'x' } })
      .expect(403);
    await anonymous.get('/api/audience/subscribers/abc/consents').expect(403);
    await app.http().get('/audience/forms/abc/counts').expect(401);
    await app.http().get('/audience/subscribers/abc/consents').expect(401);
  });
});
