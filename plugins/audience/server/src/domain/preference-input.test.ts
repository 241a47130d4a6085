import { readPreferenceChanges } from './preference-input';

describe('preference center input', () => {
  it('reads names, one or many topics and the checkboxes', () => {
    expect(readPreferenceChanges({ firstName: ' Ada ', topics: 'tag1', consent: 'true' })).toEqual({
      changes: { firstName: 'Ada', lastName: '', topics: ['tag1'], unsubscribe: false, resubscribe: true },
      problems: [],
    });
    expect(readPreferenceChanges({ topics: ['a', 'b'], unsubscribe: 'on' }).changes).toMatchObject({
      topics: ['a', 'b'],
      unsubscribe: true,
    });
  });

  it('names bad input', () => {
    const { problems } = readPreferenceChanges({ firstName: 'x'.repeat(101), lastName: ['a'] });
    expect(problems).toEqual([
      { path: ['firstName'], message: 'must be at most 100 characters' },
      { path: ['lastName'], message: 'must be text' },
    ]);
  });
});
