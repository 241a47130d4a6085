import { REQUIRED_SECRETS, secretProblems } from './secrets';

const good = Object.fromEntries(REQUIRED_SECRETS.map((name) => [name, `${name.toLowerCase()}-4f9a8b7c6d5e4f3a2b1c`]));

describe('production secrets check', () => {
  it('accepts long random values', () => {
    expect(secretProblems(good)).toEqual([]);
  });

  it('names every missing secret', () => {
    const problems = secretProblems({ ...good, JWT_SECRET: undefined, HERALD_SIGNING_SECRET: '' });
    expect(problems).toEqual(['JWT_SECRET is not set', 'HERALD_SIGNING_SECRET is not set']);
  });

  it('refuses published placeholders and short values, in any of the app keys', () => {
    expect(secretProblems({ ...good, ADMIN_JWT_SECRET: 'tobemodified' })).toHaveLength(1);
    expect(secretProblems({ ...good, APP_KEYS: 'a-long-enough-app-key-1234,toBeModified2' })).toHaveLength(1);
    expect(secretProblems({ ...good, ENCRYPTION_KEY: 'short' })[0]).toMatch(/ENCRYPTION_KEY holds a default or too short value/);
  });
});
