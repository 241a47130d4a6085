import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { adminToken } from '../harness/admin';
import { ROOT, startHerald, type TestHerald } from '../harness/app';
import { csvText, importApi } from '../harness/csv';

const fixture = (name: string) => readFileSync(path.join(ROOT, 'test', 'fixtures', 'imports', name));

type Subscriber = {
  documentId: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  status: string;
  source: string;
  fields: Record<string, unknown>;
  tags: Array<{ name: string }>;
};

describe('CSV import of subscribers', () => {
  let app: TestHerald;
  let imports: ReturnType<typeof importApi>;
  let token: string;

  const subscriber = async (email: string) =>
    (await app.strapi.documents('plugin::audience.subscriber' as never).findFirst({
      filters: { email },
      populate: { tags: { fields: ['name'] } },
    } as never)) as unknown as Subscriber | null;
  const eventsFor = async (documentId: string) =>
    (
      await app.strapi.db
        .connection('herald_events')
        .where({ subject: `subscriber:${documentId}` })
        .orderBy('id')
    ).map((e: { type: string; payload: string }) => ({ type: e.type, payload: JSON.parse(e.payload) }));
  const tagIds = async (...names: string[]) =>
    Promise.all(
      names.map(async (name) =>
        String((await app.strapi.db.query('plugin::audience.tag' as never).findOne({ where: { name } } as never))!.id)
      )
    );

  // Uploads, starts with the given choices, and waits for the worker to finish.
  const runImport = async (content: string, options: object) => {
    const uploaded = await imports.upload(content).expect(201);
    await imports.start(uploaded.body.id, options).expect(202);
    return imports.finished(uploaded.body.id);
  };

  beforeAll(async () => {
    app = await startHerald();
    token = await adminToken(app);
    imports = importApi(app, token);
    const documents = (uid: string) => app.strapi.documents(uid as never);
    await documents('plugin::audience.field-definition').create({
      data: { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'], required: true, defaultValue: 'free' },
    } as never);
    await documents('plugin::audience.field-definition').create({ data: { key: 'score', label: 'Score', type: 'number' } } as never);
    await documents('plugin::audience.field-definition').create({ data: { key: 'birthday', label: 'Birthday', type: 'date' } } as never);
    await documents('plugin::audience.tag').create({ data: { name: 'VIP' } } as never);
    await documents('plugin::audience.subscriber').create({
      data: { email: 'existing@example.test', firstName: 'Old', status: 'active', fields: { score: 1 } },
    } as never);
    await documents('plugin::audience.subscriber').create({ data: { email: 'gone@example.test', status: 'unsubscribed' } } as never);
  });
  afterAll(() => app?.stop());

  describe('upload and preview', () => {
    it('detects a ; delimiter and a UTF-8 byte order mark, and suggests a mapping from the headers', async () => {
      const uploaded = await imports.upload(fixture('semicolon-bom.csv')).expect(201);
      expect(uploaded.body).toMatchObject({
        state: 'uploaded',
        fileName: 'people.csv',
        settings: { encoding: 'utf-8', delimiter: ';', bom: true },
      });
      const preview = await imports.preview(uploaded.body.id).expect(200);
      expect(preview.body.headers).toEqual(['E-mail', 'Prénom', 'Nom', 'Plan', 'Score', 'Tags']);
      expect(preview.body.rows[0]).toEqual(['ada@example.test', 'Ada', 'Lovelace', 'pro', '42', 'VIP, Newsletter']);
      expect(preview.body.mapping).toEqual(['email', 'firstName', 'lastName', 'fields.plan', 'fields.score', 'tags']);
      expect(preview.body.targets).toEqual(expect.arrayContaining([{ target: 'fields.birthday', label: 'Birthday' }]));
    });

    it('detects latin-1 and reads accented names correctly', async () => {
      const uploaded = await imports.upload(fixture('latin1.csv')).expect(201);
      expect(uploaded.body.settings).toEqual({ encoding: 'latin1', delimiter: ',', bom: false });
      const preview = await imports.preview(uploaded.body.id).expect(200);
      expect(preview.body.rows).toEqual([
        ['jose@example.test', 'José', 'Núñez'],
        ['francois@example.test', 'François', 'Müller'],
      ]);
      // Reading it as UTF-8 instead is the admin's call; the preview shows what that would do.
      const asUtf8 = await imports.preview(uploaded.body.id, { encoding: 'utf-8' }).expect(200);
      expect(asUtf8.body.rows[0][1]).toBe('Jos\ufffd');
    });
  });

  describe('add new only', () => {
    const file = csvText([
      ['email', 'Given', 'last_name', 'plan', 'score', 'birthday', 'tags', 'status'],
      ['Alice@Example.test', 'Alice', 'Liddell', 'pro', '10', '1990-01-02', 'VIP;newsletter', ''],
      ['bob@example.test', 'Bob', '', '', '', '', '', ''],
      ['not-an-email', 'X', '', '', '', '', '', ''],
      ['carol@example.test', 'Carol', '', 'enterprise', '', '', '', ''],
      ['dave@example.test', 'Dave', '', '', 'lots', '', '', ''],
      ['=HYPERLINK("http://evil.test")', '', '', '', '', '', '', ''],
      ['erin@example.test', 'Erin', '', '', '', '', '', 'unsubscribed'],
      ['alice@example.test', '', 'Smith', '', '11', '', 'beta', ''],
      ['existing@example.test', 'New', '', '', '99', '', '', ''],
      ['frank@example.test', 'Frank', '', '', '', '', '', 'blorp'],
    ]);
    const mapping = ['email', 'firstName', 'lastName', 'fields.plan', 'fields.score', 'fields.birthday', 'tags', 'status'];
    let job: { id: string; state: string; counts: Record<string, number>; progress: { percent: number } };

    beforeAll(async () => {
      job = await runImport(file, { mapping, mode: 'add', consentBasis: 'consent', tags: ['Imported'] });
    });

    it('inserts the good rows, merging duplicates inside the file, and counts everything', async () => {
      expect(job.state).toBe('done');
      expect(job.progress.percent).toBe(100);
      expect(job.counts).toEqual({ rowsRead: 10, merged: 1, staged: 4, applied: 4, inserted: 3, updated: 0, skipped: 1, errors: 5 });
      const alice = await subscriber('alice@example.test');
      expect(alice).toMatchObject({
        firstName: 'Alice',
        lastName: 'Smith',
        status: 'active',
        source: 'import',
        fields: { plan: 'pro', score: 11, birthday: '1990-01-02' },
      });
      expect(alice!.documentId).toMatch(/^[a-z][a-z0-9]{23}$/);
      expect(alice!.tags.map((t) => t.name)).toEqual(['Imported', 'VIP', 'newsletter', 'beta']);
      expect(await subscriber('bob@example.test')).toMatchObject({ fields: { plan: 'free' }, status: 'active' });
      expect(await subscriber('erin@example.test')).toMatchObject({ status: 'unsubscribed' });
    });

    it('leaves existing subscribers alone', async () => {
      expect(await subscriber('existing@example.test')).toMatchObject({ firstName: 'Old', fields: { score: 1 }, tags: [] });
    });

    it('writes the same events and timeline entries as any other write', async () => {
      const alice = (await subscriber('alice@example.test'))!;
      expect(await eventsFor(alice.documentId)).toEqual([
        {
          type: 'subscriber.created',
          payload: {
            subscriberId: alice.documentId,
            email: 'alice@example.test',
            source: 'import',
            tags: await tagIds('Imported', 'VIP', 'newsletter', 'beta'),
          },
        },
      ]);
      const timeline = await app
        .http()
        .get(`/audience/subscribers/${alice.documentId}/timeline`)
        .set('authorization', `Bearer ${token}`)
        .expect(200);
      expect(timeline.body.results.map((r: { type: string; actor: string }) => [r.type, r.actor])).toEqual([
        ['created', 'admin@herald.test'],
      ]);
      expect(timeline.body.results[0].data).toMatchObject({
        source: 'import',
        status: 'active',
        importId: job.id,
        tagIds: (await tagIds('Imported', 'VIP', 'newsletter', 'beta')).map(Number),
      });
    });

    it('reports each bad row with its number, value and reason, as CSV safe to open in a spreadsheet', async () => {
      const report = await imports.errors(job.id).expect(200);
      expect(report.headers['content-type']).toMatch(/^text\/csv/);
      expect(report.headers['content-disposition']).toContain('people-errors.csv');
      const rows: string[][] = parse(report.text);
      expect(rows[0]).toEqual(['row', 'column', 'value', 'reason']);
      expect(rows.slice(1).map(([row, column, value]) => [row, column, value])).toEqual([
        ['4', 'email', 'not-an-email'],
        ['5', 'plan', 'enterprise'],
        ['6', 'score', 'lots'],
        ['7', 'email', `'=HYPERLINK("http://evil.test")`],
        ['11', 'status', 'blorp'],
      ]);
      expect(rows[3][3]).toMatch(/Score must be a number/);
      expect(rows[5][3]).toMatch(/status must be one of unconfirmed, active/);
    });

    it('remembers the mapping for files with the same headers', async () => {
      const uploaded = await imports.upload(csvText([['last_name', 'Given', 'email']])).expect(201);
      const preview = await imports.preview(uploaded.body.id).expect(200);
      expect(preview.body.mapping).toEqual(['lastName', 'firstName', 'email']);
    });
  });

  describe('add and update', () => {
    it('updates existing subscribers with the values the file has, never resubscribing anyone', async () => {
      const existing = (await subscriber('existing@example.test'))!;
      const job = await runImport(
        csvText([
          ['email', 'first_name', 'score', 'status', 'tags'],
          ['existing@example.test', 'Newer', '99', '', 'VIP'],
          ['gone@example.test', 'Back', '', 'active', ''],
          ['bob@example.test', '', '', '', ''],
        ]),
        { mapping: ['email', 'firstName', 'fields.score', 'status', 'tags'], mode: 'upsert', consentBasis: 'consent' }
      );
      expect(job.counts).toMatchObject({ inserted: 0, updated: 2, skipped: 1, errors: 0 });
      expect(await subscriber('existing@example.test')).toMatchObject({
        firstName: 'Newer',
        status: 'active',
        source: 'api',
        fields: { score: 99 },
        tags: [{ name: 'VIP' }],
      });
      expect(await subscriber('gone@example.test')).toMatchObject({ firstName: 'Back', status: 'unsubscribed' });
      expect((await eventsFor(existing.documentId)).slice(1)).toEqual([
        { type: 'subscriber.updated', payload: { subscriberId: existing.documentId, changed: ['firstName', 'fields.score'] } },
        { type: 'subscriber.tagged', payload: { subscriberId: existing.documentId, tags: await tagIds('VIP') } },
      ]);
    });
  });

  describe('bad requests', () => {
    it('needs an admin with the import permission', async () => {
      await app.http().get('/audience/imports').expect(401);
    });

    it('lists imports newest first, with their counts', async () => {
      const auth = { authorization: `Bearer ${token}` };
      const list = await app.http().get('/audience/imports').query({ pageSize: 2 }).set(auth).expect(200);
      expect(list.body.pagination).toMatchObject({ page: 1, pageSize: 2 });
      expect(list.body.results[0]).toMatchObject({ state: expect.any(String), counts: expect.any(Object), progress: expect.any(Object) });
      expect(Number(list.body.results[0].id)).toBeGreaterThan(Number(list.body.results[1].id));
      await app.http().get('/audience/imports').query({ pageSize: 500 }).set(auth).expect(400);
    });

    it('refuses uploads that are not one CSV file', async () => {
      const auth = { authorization: `Bearer ${token}` };
      const none = await app.http().post('/audience/imports').set(auth).field('name', 'x').expect(400);
      expect(none.body.error.message).toBe('send one CSV file as the multipart field "file"');
      expect((await imports.upload('').expect(400)).body.error.message).toBe('the file is empty');
      const binary = await imports.upload(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]), 'people.xlsx').expect(400);
      expect(binary.body.error.message).toMatch(/not CSV text/);
    });

    it('answers 404 for an unknown import and 400 for bad settings', async () => {
      await imports.show('999999').expect(404);
      await imports.preview('abc').expect(404);
      const uploaded = await imports.upload(csvText([['email'], ['a@example.test']])).expect(201);
      const bad = await imports.preview(uploaded.body.id, { delimiter: 'x', encoding: 'ebcdic' }).expect(400);
      expect(bad.body.error.details.problems).toEqual([
        'encoding must be one of utf-8, utf-16le, utf-16be, windows-1252, latin1',
        'delimiter must be one of ",", ";", "\\t", "|"',
      ]);
    });

    it('names every problem of a start request, and starts an import once', async () => {
      const uploaded = await imports
        .upload(
          csvText([
            ['email', 'name'],
            ['a@example.test', 'A'],
          ])
        )
        .expect(201);
      const bad = await imports.start(uploaded.body.id, { mapping: ['firstName', 'color'], consentBasis: 'maybe', tags: [''] }).expect(400);
      expect(bad.body.error.details.problems).toEqual([
        'column 2 ("name"): "color" is not a subscriber property or custom field',
        'one column must be mapped to email',
        'mode must be one of add, upsert',
        'consentBasis must be one of consent, legitimate-interest, contract, none',
        'tags must be a list of at most 20 tag documentIds or names (1 to 100 characters)',
      ]);
      const noBasis = await imports
        .start(uploaded.body.id, { mapping: ['email', null], mode: 'add', consentBasis: 'none', status: 'active' })
        .expect(400);
      expect(noBasis.body.error.message).toBe('status active needs a consentBasis other than none');
      await imports.start(uploaded.body.id, { mapping: ['email', null], mode: 'add', consentBasis: 'contract' }).expect(202);
      const again = await imports.start(uploaded.body.id, { mapping: ['email', null], mode: 'add', consentBasis: 'contract' }).expect(409);
      expect(again.body.error.message).toMatch(/^this import cannot start: it is (queued|staging|applying|done)$/);
      expect((await imports.finished(uploaded.body.id)).counts.inserted).toBe(1);
      await imports.cancel(uploaded.body.id).expect(409);
    });

    it('cancels an import that has not run, and forgets its file', async () => {
      const uploaded = await imports.upload(csvText([['email'], ['b@example.test']])).expect(201);
      expect((await imports.cancel(uploaded.body.id).expect(200)).body.state).toBe('cancelled');
      await imports.start(uploaded.body.id, { mapping: ['email'], mode: 'add', consentBasis: 'consent' }).expect(409);
      expect(await app.strapi.db.connection('herald_import_chunks').where({ job_id: uploaded.body.id }).count('* as n')).toEqual([
        { n: '0' },
      ]);
    });
  });

  // Last: a required field without a default changes what every later import may create.
  describe('required custom fields', () => {
    it('refuses new subscribers that lack a required field, naming the row', async () => {
      await app.strapi
        .documents('plugin::audience.field-definition' as never)
        .create({ data: { key: 'company', label: 'Company', type: 'text', required: true } } as never);
      const job = await runImport(
        csvText([
          ['email', 'company'],
          ['zed@example.test', 'Acme'],
          ['yves@example.test', ''],
          ['existing@example.test', ''],
        ]),
        { mapping: ['email', 'fields.company'], mode: 'upsert', consentBasis: 'none' }
      );
      expect(job.counts).toMatchObject({ inserted: 1, errors: 1, skipped: 1 });
      expect(await subscriber('zed@example.test')).toMatchObject({ status: 'unconfirmed', fields: { company: 'Acme', plan: 'free' } });
      const rows: string[][] = parse((await imports.errors(job.id)).text);
      expect(rows[1]).toEqual(['3', 'company', '', 'company is required']);
    });
  });
});
