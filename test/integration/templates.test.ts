import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai/server';
import { adminToken, apiToken } from '../harness/admin';
import { startHerald, type TestHerald } from '../harness/app';

const TEMPLATES = '/content-manager/collection-types/plugin::campaigns.template';

describe('email templates over the real app', () => {
  let app: TestHerald;
  let openai: FakeOpenAI;
  let admin: string;
  let token: string;
  let ada: string;
  let vipSegment: string;
  const auth = () => ({ authorization: `Bearer ${admin}` });
  const api = (method: 'get' | 'post' | 'put', path: string) => app.http()[method](`/api${path}`).set('authorization', `Bearer ${token}`);

  beforeAll(async () => {
    openai = await startFakeOpenAI();
    app = await startHerald({ OPENAI_API_KEY: openai.apiKey, OPENAI_BASE_URL: `${openai.url}/v1`, OPENAI_TIMEOUT_MS: '1500' });
    admin = await adminToken(app);
    token = await apiToken(app);
    await api('post', '/audience/field-definitions')
      .send({ data: { key: 'plan', label: 'Plan', type: 'text' } })
      .expect(201);
    const vip = (
      await api('post', '/audience/tags')
        .send({ data: { name: 'VIP' } })
        .expect(201)
    ).body.data;
    ada = (
      await api('post', '/audience/subscribers')
        .send({ data: { email: 'ada@example.test', firstName: 'Ada', status: 'active', fields: { plan: 'pro' }, tags: [vip.documentId] } })
        .expect(201)
    ).body.data.documentId;
    vipSegment = (
      await api('post', '/segments/segments')
        .send({
          data: {
            name: 'VIPs',
            rules: { type: 'group', match: 'all', children: [{ type: 'tags', operator: 'has_any', tagIds: [vip.id] }] },
          },
        })
        .expect(201)
    ).body.data.documentId;
  });
  afterAll(async () => {
    await app?.stop();
    await openai?.close();
  });

  const blocks = () => [
    { id: 'h', type: 'heading', level: 1, text: 'Hello {{ subscriber.first_name | default: "there" }}' },
    {
      id: 'plan',
      type: 'text',
      content: [{ kind: 'paragraph', spans: [{ text: 'Your plan: {{ subscriber.fields.plan }}', bold: true }] }],
    },
    {
      id: 'vip',
      type: 'text',
      showIf: { type: 'in_segment', segment: vipSegment },
      content: [{ kind: 'paragraph', spans: [{ text: 'VIP corner' }] }],
    },
    {
      id: 'free',
      type: 'text',
      showIf: { type: 'field', field: 'fields.plan', operator: 'eq', value: 'free' },
      content: [{ kind: 'paragraph', spans: [{ text: 'Upgrade today' }] }],
    },
  ];

  it('creates the starter templates on first boot', async () => {
    const starters = await app.strapi.documents('plugin::campaigns.template' as never).findMany({ sort: 'name:asc' } as never);
    expect(starters.map((t) => (t as unknown as { name: string }).name)).toEqual(['Announcement', 'Newsletter', 'Promotion', 'Welcome']);
  });

  it('refuses an invalid block tree or unknown Liquid with a 400 naming the block path', async () => {
    const badShape = await app
      .http()
      .post(TEMPLATES)
      .set(auth())
      .send({
        name: 'Broken',
        body: {
          blocks: [{ id: 'x', type: 'columns', columns: [[{ id: 'y', type: 'button', label: 'Go', href: 'javascript:alert(1)' }], []] }],
        },
      })
      .expect(400);
    expect(badShape.body.error.message).toBe('body.blocks.0.columns.0.0.href: href must start with https://, http://, mailto: or {{');

    const unknown = await api('post', '/campaigns/templates')
      .send({
        data: {
          name: 'Unknown var',
          body: { blocks: [blocks()[0], { id: 't', type: 'heading', level: 2, text: 'Hi\n{{ subscriber.nickname }}' }] },
        },
      })
      .expect(400);
    expect(unknown.body.error.message).toBe('body.blocks.1.text: unknown variable "subscriber.nickname" (line 2, column 4)');

    const syntax = await api('post', '/campaigns/templates')
      .send({
        data: { name: 'Bad syntax', body: { blocks: [{ id: 't', type: 'heading', level: 2, text: '{% if subscriber.email %}open' }] } },
      })
      .expect(400);
    expect(syntax.body.error.message).toMatch(/^body\.blocks\.0\.text: tag \{% if subscriber\.email %\} not closed \(line 1, column 1\)$/);

    await api('post', '/campaigns/templates')
      .send({ data: { name: 'Array body', body: [] } })
      .expect(400);
  });

  it('keeps a version of every save, lists, shows and restores them', async () => {
    const created = await app
      .http()
      .post(TEMPLATES)
      .set(auth())
      .send({ name: 'Monthly', body: { blocks: blocks() } })
      .expect(201);
    const documentId = created.body.data.documentId;
    await app
      .http()
      .put(`${TEMPLATES}/${documentId}`)
      .set(auth())
      .send({ name: 'Monthly', body: { blocks: blocks().slice(0, 1) } })
      .expect(200);

    const list = await app.http().get(`/campaigns/templates/${documentId}/versions`).set(auth()).expect(200);
    expect(list.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const first = await app.http().get(`/campaigns/templates/${documentId}/versions/1`).set(auth()).expect(200);
    expect(first.body.body.blocks).toHaveLength(4);
    await app.http().get(`/campaigns/templates/${documentId}/versions/9`).set(auth()).expect(404);

    await app.http().post(`/campaigns/templates/${documentId}/versions/1/restore`).set(auth()).expect(200);
    const restored = await app.http().get(`${TEMPLATES}/${documentId}`).set(auth()).expect(200);
    expect(restored.body.data.body.blocks).toHaveLength(4);
    const after = await app.http().get(`/campaigns/templates/${documentId}/versions`).set(auth()).expect(200);
    expect(after.body.versions[0].version).toBe(3);
    await app.http().get(`/campaigns/templates/${documentId}/versions`).expect(401);
  });

  it('compiles once with Liquid and conditions left in, for the send pipeline', async () => {
    const created = await api('post', '/campaigns/templates')
      .send({ data: { name: 'Compiled', body: { blocks: blocks() } } })
      .expect(201);
    const compiled = await app.strapi.plugin('campaigns').service('template').compile(created.body.data.documentId);
    expect(compiled.segments).toEqual([vipSegment]);
    expect(compiled.html).toContain('Hello {{ subscriber.first_name | default: "there" }}');
    expect(compiled.html).toContain(`{% if segments contains "${vipSegment}" %}`);
    expect(compiled.html).toContain('href="{{ links.unsubscribe }}"');
    expect(compiled.text).toContain('Your plan: {{ subscriber.fields.plan }}');
  });

  it('previews unsaved blocks as a chosen subscriber', async () => {
    const preview = await app
      .http()
      .post('/campaigns/templates/preview')
      .set(auth())
      .send({ blocks: blocks(), subscriberDocumentId: ada })
      .expect(200);
    expect(preview.body.html).toContain('Hello Ada');
    expect(preview.body.html).toContain('Your plan: pro');
    expect(preview.body.html).toContain('VIP corner');
    expect(preview.body.html).not.toContain('Upgrade today');
    expect(preview.body.html).not.toContain('{{');

    const sample = await app.http().post('/campaigns/templates/preview').set(auth()).send({ blocks: blocks() }).expect(200);
    expect(sample.body.html).not.toContain('VIP corner');

    const invalid = await app
      .http()
      .post('/campaigns/templates/preview')
      .set(auth())
      .send({ blocks: [{ id: 'x', type: 'heading', level: 9, text: 'x' }] })
      .expect(400);
    expect(invalid.body.error.message).toMatch(/^body\.blocks\.0\.level/);
    await app.http().post('/campaigns/templates/preview').set(auth()).send({ blocks: blocks(), subscriberDocumentId: 'nope' }).expect(404);
  });

  it('sends a test to any addresses through the mail transport', async () => {
    await app
      .http()
      .post('/campaigns/templates/send-test')
      .set(auth())
      .send({
        blocks: blocks(),
        subscriberDocumentId: ada,
        to: ['qa@example.test', 'boss@example.test'],
        subject: 'Hello {{ subscriber.first_name }}',
      })
      .expect(200, { sent: 2 });
    const rows = await app.strapi.db.connection('herald_mail_outbox').whereIn('to_address', ['qa@example.test', 'boss@example.test']);
    expect(rows).toHaveLength(2);
    expect(rows[0].subject).toBe('[Test] Hello Ada');
    expect(rows[0].html).toContain('Hello Ada');
    expect(rows[0].text_body).toContain('Your plan: pro');
    await app
      .http()
      .post('/campaigns/templates/send-test')
      .set(auth())
      .send({ blocks: blocks(), to: ['not-an-address'] })
      .expect(400);
    const broken = await app
      .http()
      .post('/campaigns/templates/send-test')
      .set(auth())
      .send({ blocks: blocks(), to: ['qa@example.test'], subject: 'Hi {% if %}' })
      .expect(400);
    expect(broken.body.error.message).toMatch(/^subject: /);
  });

  describe('writing assistant', () => {
    const assist = (path: string, body: object) => app.http().post(`/campaigns/assistant/${path}`).set(auth()).send(body);
    afterEach(() => openai.reset());

    it('suggests subject lines and preheaders from the brief alone', async () => {
      openai.respondWith(() => 'Sure! {"subjects": ["Spring is here", "20% off"], "preheaders": ["This week only"]}');
      const res = await assist('subjects', { brief: 'Spring sale, 20% off everything' }).expect(200);
      expect(res.body).toEqual({ subjects: ['Spring is here', '20% off'], preheaders: ['This week only'] });
      expect(openai.requests).toHaveLength(1);
      expect(JSON.stringify(openai.requests[0].messages)).toContain('Spring sale, 20% off everything');
      expect(JSON.stringify(openai.requests[0].messages)).not.toContain('ada@example.test');
    });

    it('drafts and rewrites a block', async () => {
      openai.respondWith((req) => (JSON.stringify(req.messages).includes('shorter') ? 'Short.' : 'Hello **friends**'));
      expect((await assist('draft', { brief: 'welcome new members' }).expect(200)).body).toEqual({ text: 'Hello **friends**' });
      expect((await assist('rewrite', { text: 'A long text', tone: 'shorter' }).expect(200)).body).toEqual({ text: 'Short.' });
      const bad = await assist('rewrite', { text: 'x', tone: 'angry' }).expect(400);
      expect(bad.body.error.message).toBe('tone: tone must be one of shorter, friendlier, formal');
    });

    it('gives up on a silent provider with a clear message, and nothing else waits for it', async () => {
      openai.fault({ kind: 'slow', delayMs: 5_000, times: 2 });
      const started = Date.now();
      // A supertest request starts when it is awaited: then() sends it now.
      const slow = assist('subjects', { brief: 'x' }).then((r) => r);
      // The editor's other requests answer at once meanwhile.
      await app.http().post('/campaigns/templates/preview').set(auth()).send({ blocks: blocks() }).expect(200);
      expect(Date.now() - started).toBeLessThan(1_000);
      const res = await slow;
      expect(res.status).toBe(503);
      expect(res.body.error.message).toBe('The AI provider did not answer within 1.5 s; try again.');
      // One deadline for the request, retries included.
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
      expect(Date.now() - started).toBeLessThan(3_000);
    });

    it('explains rate limits, provider failures and a missing key', async () => {
      openai.fault({ kind: 'status', status: 429, retryAfter: 0, times: 2 });
      expect((await assist('draft', { brief: 'x' }).expect(429)).body.error.message).toMatch(/rate limiting/);
      openai.fault({ kind: 'status', status: 500, times: 2 });
      expect((await assist('draft', { brief: 'x' }).expect(502)).body.error.message).toMatch(/HTTP 500/);

      const config = app.strapi.config.get('herald') as { openai: { apiKey: string } };
      const key = config.openai.apiKey;
      config.openai.apiKey = '';
      try {
        expect((await assist('subjects', { brief: 'x' }).expect(503)).body.error.message).toMatch(/set OPENAI_API_KEY/);
      } finally {
        config.openai.apiKey = key;
      }
    });
  });
});
