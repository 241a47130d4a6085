import { issueTicket, ticketIsValid } from './dashboard-ticket';

describe('queue dashboard ticket', () => {
  const secret = 'dashboard-secret-0123456789';
  it('is valid until it expires, and only with its secret', () => {
    const now = 1_700_000_000_000;
    const ticket = issueTicket(secret, '1', 60_000, now);
    expect(ticketIsValid(secret, ticket, now + 59_000)).toBe(true);
    expect(ticketIsValid(secret, ticket, now + 61_000)).toBe(false);
    expect(ticketIsValid('other-secret-0123456789', ticket, now)).toBe(false);
  });
  it('refuses forged or malformed tickets', () => {
    const now = 1_700_000_000_000;
    const [id, , mac] = issueTicket(secret, '1', 60_000, now).split('.');
    expect(ticketIsValid(secret, `${id}.${now + 10 ** 9}.${mac}`, now)).toBe(false);
    expect(ticketIsValid(secret, undefined, now)).toBe(false);
    expect(ticketIsValid(secret, 'a.b', now)).toBe(false);
  });
});
