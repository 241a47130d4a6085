import { batchMessage, type Envelope } from './send-message';

const envelope: Envelope = { campaignId: 'c1', from: 'news@mg.herald.test', fromName: 'Herald News' };
const link = (path: string, token: string) => `https://herald.test/api/audience/${path}?token=${token}`;

// What Mailgun makes of a batch for one recipient: every %recipient.NAME% replaced by their value.
const substitute = (text: string, vars: Record<string, string | number>) =>
  text.replace(/%recipient\.(\w+)%/g, (whole, name) => String(vars[name] ?? whole));

const people = ['aaaa.1111', 'bbbb.2222', 'cccc.3333'].map((token, i) => ({
  sendId: 100 + i,
  address: `person${i}@example.test`,
  unsubscribeUrl: link('unsubscribe', token),
  variables: {
    v0: `Person${i}`,
    v1: link('preferences', token),
    v2: '42 Herald Street, Springfield',
    v3: '100%recipient.v0% off',
  },
}));
const parts = {
  subject: 'Hello %recipient.v0%',
  html: '<p>Hi %recipient.v0%</p><a href="%recipient.v1%">preferences</a><a href="%recipient.x_unsubscribe%">unsubscribe</a>%recipient.v2% %recipient.v3%',
  text: 'Hi %recipient.v0%, %recipient.v1% %recipient.v2%',
};

describe('batchMessage', () => {
  const expected = people.map((p) => {
    const vars = { ...p.variables, x_unsubscribe: p.unsubscribeUrl, x_send: String(p.sendId) };
    return {
      subject: substitute(parts.subject, vars),
      html: substitute(parts.html, vars),
      text: substitute(parts.text, vars),
      listUnsubscribe: `<${p.unsubscribeUrl}>, <mailto:unsubscribe@mg.herald.test?subject=unsubscribe-${p.sendId}>`,
      messageId: `<${p.sendId}.c1@mg.herald.test>`,
    };
  });
  const batch = batchMessage(envelope, parts, structuredClone(people));

  it('gives every recipient exactly the message their own values make', () => {
    const got = batch.recipients.map((r) => ({
      subject: substitute(batch.subject, r.variables),
      html: substitute(batch.html!, r.variables),
      text: substitute(batch.text!, r.variables),
      listUnsubscribe: substitute(batch.headers!['List-Unsubscribe'], r.variables),
      messageId: substitute(batch.headers!['Message-Id'], r.variables),
    }));
    expect(got).toEqual(expected);
  });

  it('sends only what differs: the token once, the name, the send id', () => {
    expect(batch.recipients[1].variables).toEqual({
      x_unsubscribe: 'bbbb.2222',
      v0: 'Person1',
      v3: '100%recipient.v0% off',
      x_send: '101',
    });
    expect(batch.html).toContain('href="https://herald.test/api/audience/preferences?token=%recipient.x_unsubscribe%"');
    expect(batch.html).toContain('42 Herald Street, Springfield');
  });

  it('moves nothing out of a value that holds a substitution', () => {
    expect(batch.html).toContain('%recipient.v3%');
  });
});
