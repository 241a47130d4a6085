import busboy from 'busboy';
import { createHmac } from 'node:crypto';
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import FormData from 'form-data';
import Mailgun from 'mailgun.js';
import { startFakeMailgun, type FakeMailgun } from './index';

const DOMAIN = 'mg.herald.test';
const FROM = 'Herald <news@mg.herald.test>';

type MailgunClient = ReturnType<Mailgun['client']>;
type MessageData = Parameters<MailgunClient['messages']['create']>[1];

/** The client's types forbid the invalid messages the validation test needs to send. */
const invalid = (data: Record<string, string>): MessageData => data as unknown as MessageData;

function client(url: string, key: string): MailgunClient {
  return new Mailgun(FormData).client({ username: 'api', key, url });
}

/** A tiny receiver standing in for the app's webhook endpoint. */
interface Receiver {
  url: string;
  received: Array<{ headers: IncomingHttpHeaders; body: Buffer }>;
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const received: Receiver['received'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/mailgun`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function hmac(key: string, timestamp: string, token: string): string {
  return createHmac('sha256', key)
    .update(timestamp + token)
    .digest('hex');
}

/** Raw POST, for what mailgun.js hides (response headers) or never sends (other encodings). */
function rawPost(
  url: string,
  auth: string,
  body: Buffer | string,
  contentType: string
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: {
          authorization: `Basic ${Buffer.from(auth).toString('base64')}`,
          'content-type': contentType,
          'content-length': Buffer.byteLength(body),
        },
      },
      (res: IncomingMessage) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      }
    );
    req.on('error', reject);
    req.end(body);
  });
}

function parseMultipart(headers: IncomingHttpHeaders, body: Buffer): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    const parser = busboy({ headers });
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('close', () => resolve(fields));
    parser.on('error', reject);
    parser.end(body);
  });
}

describe('fake Mailgun with the real mailgun.js client', () => {
  let fake: FakeMailgun;
  let mg: MailgunClient;

  beforeAll(async () => {
    fake = await startFakeMailgun();
    mg = client(fake.url, fake.apiKey);
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());

  it('accepts a single message and records it', async () => {
    const result = await mg.messages.create(DOMAIN, {
      from: FROM,
      to: 'Ada Lovelace <ada@example.com>',
      subject: 'Hello',
      html: '<p>Hi</p>',
      text: 'Hi',
    });

    expect(result.status).toBe(200);
    expect(result.message).toBe('Queued. Thank you.');
    expect(result.id).toMatch(/^<\d{14}\.[0-9a-f]{16}@mg\.herald\.test>$/);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]).toMatchObject({
      id: result.id,
      domain: DOMAIN,
      from: FROM,
      to: ['Ada Lovelace <ada@example.com>'],
      cc: [],
      bcc: [],
      subject: 'Hello',
      html: '<p>Hi</p>',
      text: 'Hi',
      recipientVariables: null,
    });
    expect(fake.deliveries()).toEqual([
      expect.objectContaining({ callId: 0, messageId: result.id, to: 'ada@example.com', subject: 'Hello' }),
    ]);
  });

  it('expands a batch send with recipient-variables into per-recipient deliveries', async () => {
    const recipientVariables = {
      'ada@example.com': { first: 'Ada', unsub: 'https://x.test/u/1' },
      'alan@example.com': { first: 'Alan', unsub: 'https://x.test/u/2' },
      'grace@example.com': { first: 'Grace', unsub: 'https://x.test/u/3' },
    };
    await mg.messages.create(DOMAIN, {
      from: FROM,
      to: ['ada@example.com', 'Alan Turing <alan@example.com>', 'GRACE@example.com'],
      subject: 'Hi %recipient.first%',
      html: '<p>Dear %recipient.first%</p><a href="%recipient.unsub%">unsubscribe</a> %recipient.missing%',
      text: 'Dear %recipient.first%',
      'recipient-variables': JSON.stringify(recipientVariables),
    });

    expect(fake.calls[0].recipientVariables).toEqual(recipientVariables);
    const deliveries = fake.deliveries();
    expect(deliveries.map((d) => [d.to, d.subject, d.text])).toEqual([
      ['ada@example.com', 'Hi Ada', 'Dear Ada'],
      ['alan@example.com', 'Hi Alan', 'Dear Alan'],
      ['GRACE@example.com', 'Hi Grace', 'Dear Grace'],
    ]);
    // Unknown variables are left visible rather than blanked.
    expect(deliveries[1].html).toBe('<p>Dear Alan</p><a href="https://x.test/u/2">unsubscribe</a> %recipient.missing%');
    expect(deliveries[2].recipientVariables).toEqual(recipientVariables['grace@example.com']);

    await mg.messages.create(DOMAIN, { from: FROM, to: 'ada@example.com', subject: 'Again', text: 'x' });
    const counts = fake.recipientCounts();
    expect(counts.get('ada@example.com')).toBe(2);
    expect(counts.get('grace@example.com')).toBe(1);
    expect(counts.size).toBe(3);
  });

  it('records tags, options, headers, custom variables and attachments', async () => {
    await mg.messages.create(DOMAIN, {
      from: FROM,
      to: 'ada@example.com',
      cc: 'c1@example.com, "Doe, Jane" <jane@example.com>',
      bcc: ['b@example.com'],
      subject: 'Tagged',
      html: '<p>x</p>',
      'o:tag': ['newsletter', 'campaign-42'],
      'o:tracking': true,
      'o:deliverytime': 'Thu, 01 Jan 2026 09:00:00 +0000',
      'h:X-Herald-Campaign': '42',
      'h:List-Unsubscribe': '<https://x.test/u>',
      'v:campaign-id': '42',
      'v:send-id': 'abc',
      attachment: [{ filename: 'note.txt', data: Buffer.from('hello world') }],
    });

    const [call] = fake.calls;
    expect(call.tags).toEqual(['newsletter', 'campaign-42']);
    expect(call.options).toEqual({ tracking: 'yes', deliverytime: 'Thu, 01 Jan 2026 09:00:00 +0000' });
    expect(call.headers).toEqual({ 'X-Herald-Campaign': '42', 'List-Unsubscribe': '<https://x.test/u>' });
    expect(call.variables).toEqual({ 'campaign-id': '42', 'send-id': 'abc' });
    expect(call.cc).toEqual(['c1@example.com', '"Doe, Jane" <jane@example.com>']);
    expect(call.bcc).toEqual(['b@example.com']);
    expect(call.attachments).toHaveLength(1);
    expect(call.attachments[0]).toMatchObject({ field: 'attachment', filename: 'note.txt', size: 11 });
    expect(call.attachments[0].data?.toString()).toBe('hello world');
  });

  it('rejects a wrong API key with 401 and records nothing', async () => {
    const bad = client(fake.url, 'key-wrong');
    await expect(bad.messages.create(DOMAIN, { from: FROM, to: 'a@example.com', subject: 's', text: 't' })).rejects.toMatchObject({
      status: 401,
      details: 'Invalid private key',
    });
    expect(fake.calls).toHaveLength(0);
  });

  it('validates like Mailgun', async () => {
    await expect(mg.messages.create(DOMAIN, invalid({ from: FROM, to: 'a@example.com', text: 't' }))).rejects.toMatchObject({
      status: 400,
      details: "'subject' parameter is missing",
    });
    await expect(mg.messages.create(DOMAIN, invalid({ from: FROM, to: 'a@example.com', subject: 's' }))).rejects.toMatchObject({
      status: 400,
      details: expect.stringContaining("'text' or 'html'"),
    });
    await expect(mg.messages.create(DOMAIN, invalid({ to: 'a@example.com', subject: 's', text: 't' }))).rejects.toMatchObject({
      status: 400,
      details: "'from' parameter is missing",
    });
    const tooMany = Array.from({ length: 1001 }, (_, i) => `r${i}@example.com`);
    await expect(mg.messages.create(DOMAIN, { from: FROM, to: tooMany, subject: 's', text: 't' })).rejects.toMatchObject({
      status: 400,
      details: expect.stringContaining('Too many recipients'),
    });
    await expect(
      mg.messages.create(DOMAIN, { from: FROM, to: 'a@example.com', subject: 's', text: 't', 'recipient-variables': '{nope' })
    ).rejects.toMatchObject({ status: 400 });
    expect(fake.calls).toHaveLength(0);

    const thousand = tooMany.slice(0, 1000);
    await mg.messages.create(DOMAIN, { from: FROM, to: thousand, subject: 's', text: 't' });
    expect(fake.calls[0].to).toHaveLength(1000);
  });

  it('parses every encoding to the same call (fast multipart path, busboy multipart, urlencoded)', async () => {
    const fields: Array<[string, string]> = [
      ['from', FROM],
      ['to', 'Zoë <zoe@example.com>'],
      ['to', 'bob@example.com'],
      ['subject', 'Ünïcödé "quoted" 🎉'],
      ['html', '<p>line 1</p>\r\n<p>line 2 %recipient.first%</p>'],
      ['text', ''],
      ['o:tag', 't1'],
      ['h:X-Mailgun-Variables', '{"a":1}'],
      ['recipient-variables', JSON.stringify({ 'zoe@example.com': { first: 'Zoë' } })],
    ];
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    const multipart = form.getBuffer();
    const boundary = form.getBoundary();
    const url = `${fake.url}/v3/${DOMAIN}/messages`;
    const auth = `api:${fake.apiKey}`;

    const answers = [
      await rawPost(url, auth, multipart, `multipart/form-data; boundary=${boundary}`),
      // A quoted boundary is legal but not what form-data writes, so it takes the busboy path.
      await rawPost(url, auth, multipart, `multipart/form-data; boundary="${boundary}"`),
      await rawPost(url, auth, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded'),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const comparable = fake.calls.map(({ id: _id, receivedAt: _at, ...rest }) => rest);
    expect(comparable[0]).toMatchObject({
      to: ['Zoë <zoe@example.com>', 'bob@example.com'],
      subject: 'Ünïcödé "quoted" 🎉',
      html: '<p>line 1</p>\r\n<p>line 2 %recipient.first%</p>',
      text: '',
      tags: ['t1'],
      headers: { 'X-Mailgun-Variables': '{"a":1}' },
    });
    expect(comparable[1]).toEqual(comparable[0]);
    expect(comparable[2]).toEqual(comparable[0]);
    expect(fake.deliveries()[0].html).toBe('<p>line 1</p>\r\n<p>line 2 Zoë</p>');
  });

  it('answers 400 to a body that is not a form', async () => {
    const answer = await rawPost(`${fake.url}/v3/${DOMAIN}/messages`, `api:${fake.apiKey}`, '{"from":"a@b.c"}', 'application/json');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ message: expect.any(String) });
    expect(fake.calls).toHaveLength(0);
  });

  describe('faults', () => {
    const send = () => mg.messages.create(DOMAIN, { from: FROM, to: 'a@example.com', subject: 's', text: 't' });

    it('answers 5xx for `times` requests, in FIFO order, then recovers', async () => {
      fake.fault({ kind: 'status', status: 500, times: 1 });
      fake.fault({ kind: 'status', status: 503, times: 2 });
      await expect(send()).rejects.toMatchObject({ status: 500 });
      await expect(send()).rejects.toMatchObject({ status: 503 });
      await expect(send()).rejects.toMatchObject({ status: 503 });
      await expect(send()).resolves.toMatchObject({ status: 200 });
      expect(fake.calls).toHaveLength(1);
    });

    it('answers 429 with Retry-After', async () => {
      fake.fault({ kind: 'status', status: 429 });
      await expect(send()).rejects.toMatchObject({ status: 429 });
      const raw = await rawPost(
        `${fake.url}/v3/${DOMAIN}/messages`,
        `api:${fake.apiKey}`,
        'from=a%40b.c&to=d%40e.f&subject=s&text=t',
        'application/x-www-form-urlencoded'
      );
      expect(raw.status).toBe(429);
      expect(raw.headers['retry-after']).toBe('1');
      expect(JSON.parse(raw.body)).toEqual({ message: 'Too Many Requests' });
      fake.clearFaults();
      await expect(send()).resolves.toMatchObject({ status: 200 });
    });

    it('delays answers when slow', async () => {
      fake.fault({ kind: 'slow', delayMs: 300, times: 1 });
      const started = Date.now();
      await expect(send()).resolves.toMatchObject({ status: 200 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect(fake.calls).toHaveLength(1);
    });

    // mailgun.js reports network failures as status 400 with the socket error code as message.
    const networkError = { status: 400, message: 'ECONNRESET', details: 'socket hang up' };

    it('reset: the client sees a network error and nothing is recorded', async () => {
      fake.fault({ kind: 'reset', times: 1 });
      await expect(send()).rejects.toMatchObject(networkError);
      expect(fake.calls).toHaveLength(0);
      await expect(send()).resolves.toMatchObject({ status: 200 });
    });

    it('accept-then-reset: the client sees an error but the message was accepted', async () => {
      fake.fault({ kind: 'accept-then-reset', times: 1 });
      await expect(send()).rejects.toMatchObject(networkError);
      expect(fake.calls).toHaveLength(1);
      expect(fake.calls[0].to).toEqual(['a@example.com']);
    });
  });

  it('keeps only recipients and metadata when recordBodies is false', async () => {
    const lean = await startFakeMailgun({ recordBodies: false, apiKey: 'key-lean' });
    try {
      await client(lean.url, 'key-lean').messages.create(DOMAIN, {
        from: FROM,
        to: ['a@example.com', 'b@example.com'],
        subject: 'Big',
        html: '<p>big</p>',
        'o:tag': 'bench',
        'recipient-variables': JSON.stringify({ 'a@example.com': { n: 1 } }),
      });
      expect(lean.calls[0]).toMatchObject({
        to: ['a@example.com', 'b@example.com'],
        tags: ['bench'],
        subject: '',
        html: '',
        recipientVariables: null,
      });
      expect(lean.recipientCounts().get('b@example.com')).toBe(1);
    } finally {
      await lean.close();
    }
  });

  describe('webhooks', () => {
    let receiver: Receiver;
    beforeEach(async () => {
      receiver = await startReceiver();
    });
    afterEach(() => receiver.close());

    it('posts a signed event in Mailgun’s shape', async () => {
      const result = await fake.fireWebhook(receiver.url, {
        event: 'failed',
        recipient: 'ada@example.com',
        severity: 'permanent',
        reason: 'bounce',
        messageId: '<20250101120000.abc@mg.herald.test>',
        userVariables: { 'campaign-id': '42' },
        tags: ['newsletter'],
        deliveryStatus: { code: 550, message: 'No such user' },
      });
      expect(result).toEqual({ status: 200, body: 'ok' });

      const [{ headers, body }] = receiver.received;
      expect(headers['content-type']).toBe('application/json');
      const payload = JSON.parse(body.toString()) as {
        signature: { timestamp: string; token: string; signature: string };
        'event-data': Record<string, unknown>;
      };
      const { timestamp, token, signature } = payload.signature;
      expect(token).toMatch(/^[0-9a-f]{50}$/);
      expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(5);
      expect(signature).toBe(hmac(fake.signingKey, timestamp, token));
      expect(payload['event-data']).toMatchObject({
        event: 'failed',
        recipient: 'ada@example.com',
        severity: 'permanent',
        reason: 'bounce',
        'delivery-status': { code: 550, message: 'No such user' },
        message: { headers: { 'message-id': '20250101120000.abc@mg.herald.test' } },
        'user-variables': { 'campaign-id': '42' },
        tags: ['newsletter'],
      });
      expect(typeof payload['event-data'].timestamp).toBe('number');
      expect(typeof payload['event-data'].id).toBe('string');
    });

    it('can send a bad signature, a chosen timestamp and token', async () => {
      await fake.fireWebhook(receiver.url, { event: 'delivered', recipient: 'a@example.com' }, { badSignature: true });
      await fake.fireWebhook(
        receiver.url,
        { event: 'delivered', recipient: 'a@example.com' },
        { timestamp: 1_600_000_000, token: 'f'.repeat(50), signingKey: 'other-key' }
      );
      const [bad, chosen] = receiver.received.map(
        (r) => (JSON.parse(r.body.toString()) as { signature: { timestamp: string; token: string; signature: string } }).signature
      );
      expect(bad.signature).not.toBe(hmac(fake.signingKey, bad.timestamp, bad.token));
      expect(chosen).toEqual({
        timestamp: '1600000000',
        token: 'f'.repeat(50),
        signature: hmac('other-key', '1600000000', 'f'.repeat(50)),
      });
    });

    it('posts inbound replies as a signed multipart form', async () => {
      const result = await fake.fireInbound(receiver.url, {
        sender: 'ada@example.com',
        recipient: 'reply+abc@mg.herald.test',
        subject: 'Re: Hello',
        strippedText: 'Thanks!',
        messageId: 'reply-1@example.com',
        inReplyTo: '<20250101120000.abc@mg.herald.test>',
        references: '<20250101120000.abc@mg.herald.test>',
      });
      expect(result.status).toBe(200);
      const [{ headers, body }] = receiver.received;
      expect(headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
      const fields = await parseMultipart(headers, body);
      expect(fields).toMatchObject({
        sender: 'ada@example.com',
        recipient: 'reply+abc@mg.herald.test',
        subject: 'Re: Hello',
        'stripped-text': 'Thanks!',
        'body-plain': 'Thanks!',
        'Message-Id': '<reply-1@example.com>',
        'In-Reply-To': '<20250101120000.abc@mg.herald.test>',
        References: '<20250101120000.abc@mg.herald.test>',
      });
      expect(fields.signature).toBe(hmac(fake.signingKey, fields.timestamp, fields.token));
      expect(JSON.parse(fields['message-headers'])).toContainEqual(['In-Reply-To', '<20250101120000.abc@mg.herald.test>']);
    });
  });
});
