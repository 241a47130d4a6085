import type { TestHerald } from './app';

export const ADMIN = { email: 'admin@herald.test', password: 'Herald-test-1234' };

// Creates the first super admin through the same endpoint the "create your first administrator"
// screen uses, and returns its bearer token.
export const adminToken = async (app: TestHerald): Promise<string> => {
  const registered = await app
    .http()
    .post('/admin/register-admin')
    .send({ email: ADMIN.email, password: ADMIN.password, firstname: 'Ada', lastname: 'Admin' });
  if (registered.status === 200) return registered.body.data.token;
  const login = await app.http().post('/admin/login').send(ADMIN);
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return login.body.data.token;
};

// A full-access API token (Strapi's own api-token service), as another app would hold.
export const apiToken = async (app: TestHerald, name = 'integration'): Promise<string> => {
  const token = await app.strapi.service('admin::api-token').create({ name, type: 'full-access', lifespan: null, description: '' });
  return token.accessKey;
};
