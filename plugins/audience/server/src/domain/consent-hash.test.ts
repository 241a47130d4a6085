import { emailHash, wordingHash } from './consent-hash';

describe('consent hashes', () => {
  it('hashes the normalised address, so case and spaces do not matter', () => {
    expect(emailHash('  Ada@Example.TEST ')).toBe(emailHash('ada@example.test'));
    expect(emailHash('ada@example.test')).toMatch(/^[0-9a-f]{64}$/);
    expect(emailHash('ada@example.test')).not.toBe(emailHash('grace@example.test'));
  });

  it('hashes wording exactly as shown', () => {
    expect(wordingHash('Yes, email me')).not.toBe(wordingHash('Yes, email me.'));
  });
});
