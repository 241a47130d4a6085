import { classifyMailError, substitute } from './mail-error';

describe('mail error classification', () => {
  it('sorts provider answers into what the sender should do', () => {
    expect(classifyMailError({ status: 429, details: 'slow down', headers: { 'retry-after': '3' } })).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 3000,
    });
    expect(classifyMailError({ status: 503, details: 'busy' }).kind).toBe('retryable');
    expect(classifyMailError({ status: 400, details: "'to' parameter is not a valid address" }).kind).toBe('rejected');
    expect(classifyMailError({ status: 401, details: 'Forbidden' }).kind).toBe('rejected');
  });

  it('treats a refused connection as not sent and a reset as an unknown outcome', () => {
    expect(classifyMailError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:1' }).kind).toBe('retryable');
    expect(classifyMailError({ code: 'ECONNRESET', message: 'socket hang up' }).kind).toBe('unknown-outcome');
    expect(classifyMailError(new Error('socket hang up')).kind).toBe('unknown-outcome');
    // How mailgun.js reports them: status 400 with the socket error code as the message.
    expect(classifyMailError({ status: 400, message: 'ECONNRESET', details: 'socket hang up' }).kind).toBe('unknown-outcome');
    expect(classifyMailError({ status: 400, message: 'ECONNABORTED', details: 'timeout of 1000ms exceeded' }).kind).toBe('unknown-outcome');
    expect(classifyMailError({ status: 400, message: 'ECONNREFUSED', details: 'connect ECONNREFUSED' }).kind).toBe('retryable');
  });

  it('substitutes %recipient.x% like Mailgun and leaves unknown names alone', () => {
    expect(substitute('Hi %recipient.name%, id %recipient.id% %recipient.nope%', { name: 'Ada', id: 7 })).toBe(
      'Hi Ada, id 7 %recipient.nope%'
    );
    expect(substitute(undefined, {})).toBeUndefined();
  });
});
