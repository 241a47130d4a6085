import { adminToken } from '../harness/admin';
import { startHerald, type TestHerald } from '../harness/app';
import { csvText, importApi } from '../harness/csv';

// An import states one consent basis for its whole file; each imported subscriber's consent
// records show it (which import, file, who), without a consent row written per address.
describe('consent basis of imported subscribers', () => {
  let app: TestHerald;
  let imports: ReturnType<typeof importApi>;
  let token: string;

  const documentIdOf = async (email: string) =>
    (
      (await app.strapi.documents('plugin::audience.subscriber' as never).findFirst({ filters: { email } } as never)) as {
        documentId: string;
      }
    ).documentId;
  const consentsOf = async (email: string) =>
    (
      await app
        .http()
        .get(`/audience/subscribers/${await documentIdOf(email)}/consents`)
        .set('authorization', `Bearer ${token}`)
        .expect(200)
    ).body.data;
  const run = async (rows: string[][], consentBasis: string, fileName: string) => {
    const uploaded = await imports.upload(csvText([['email', 'first_name'], ...rows]), fileName).expect(201);
    await imports
      .start(uploaded.body.id, { mapping: ['email', 'firstName'], mode: 'upsert', consentBasis, status: 'unconfirmed' })
      .expect(202);
    expect((await imports.finished(uploaded.body.id)).state).toBe('done');
    return String(uploaded.body.id);
  };

  beforeAll(async () => {
    app = await startHerald();
    token = await adminToken(app);
    imports = importApi(app, token);
  });
  afterAll(() => app?.stop());

  it('lists the basis each import stated, newest first, beside the subscriber’s own consents', async () => {
    const first = await run(
      [
        ['ada@example.test', 'Ada'],
        ['grace@example.test', 'Grace'],
      ],
      'contract',
      'customers.csv'
    );
    // An import that changes nothing about a subscriber leaves no trace on them; this one renames Ada.
    const second = await run([['ada@example.test', 'Augusta Ada']], 'consent', 'event-signups.csv');
    const documentId = await documentIdOf('ada@example.test');
    await app.strapi
      .plugin('audience')
      .service('consents')
      .grant({ subscriberDocumentId: documentId, email: 'ada@example.test', method: 'admin' });

    const consents = await consentsOf('ada@example.test');
    expect(consents.map((c: { method: string; basis: string }) => `${c.method}:${c.basis}`)).toEqual([
      'admin:consent',
      'import:consent',
      'import:contract',
    ]);
    expect(consents[1]).toMatchObject({
      action: 'granted',
      importId: second,
      importFile: 'event-signups.csv',
      importedBy: expect.any(String),
    });
    expect(consents[2]).toMatchObject({ importId: first, importFile: 'customers.csv' });
    expect((await consentsOf('grace@example.test')).map((c: { importId: string }) => c.importId)).toEqual([first]);
  });

  it('shows nothing for an import that stated no basis', async () => {
    await run([['alan@example.test', 'Alan']], 'none', 'unknown.csv');
    expect(await consentsOf('alan@example.test')).toEqual([]);
  });
});
