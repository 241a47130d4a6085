import { canUnsubscribe, statusAfterSubmission } from './subscription-status';

describe('status after a form submission', () => {
  it.each([
    [null, true, 'unconfirmed'],
    [null, false, 'active'],
    ['unconfirmed', true, 'unconfirmed'],
    ['unconfirmed', false, 'active'],
    ['active', true, 'active'],
    ['unsubscribed', true, 'unconfirmed'],
    ['unsubscribed', false, 'active'],
    ['bounced', false, 'bounced'],
    ['complained', false, 'complained'],
    ['blocked', false, 'blocked'],
  ])('%s with double opt-in %s becomes %s', (current, doubleOptIn, expected) => {
    expect(statusAfterSubmission(current, doubleOptIn)).toBe(expected);
  });

  it('unsubscribes only addresses that could receive mail', () => {
    expect(['active', 'unconfirmed', 'unsubscribed', 'bounced'].filter(canUnsubscribe)).toEqual(['active', 'unconfirmed']);
  });
});
