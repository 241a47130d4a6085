import { startFakeMailgun, type FakeMailgun } from '../fakes/mailgun/server';
import { startHerald, type TestHerald } from '../harness/app';

// The real mailgun.js client, pointed at the fake Mailgun on loopback.
describe('Mailgun transport', () => {
  let app: TestHerald;
  let fake: FakeMailgun;
  const mail = () => app.strapi.plugin('platform').service('mail');

  beforeAll(async () => {
    fake = await startFakeMailgun({ apiKey: 'key-herald-test' });
    app = await startHerald({
      MAILGUN_API_KEY: 'key-herald-test',
      MAILGUN_DOMAIN: 'mg.herald.test',
      MAILGUN_BASE_URL: fake.url,
      MAILGUN_TIMEOUT_MS: '2000',
    });
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });
  afterEach(() => fake.reset());

  it('is used when a key and domain are set', () => {
    expect(mail().transportName()).toBe('mailgun');
  });

  it('sends one message with headers, tags, opaque variables and provider tracking off', async () => {
    const result = await mail().send({
      from: 'News <news@mg.herald.test>',
      to: 'ada@example.test',
      replyTo: 'reply@herald.test',
      subject: 'Welcome',
      html: '<p>Hi</p>',
      text: 'Hi',
      headers: { 'List-Unsubscribe': '<https://herald.test/u/abc>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      tags: ['welcome', 'a', 'b', 'dropped'],
      variables: { send: 's-123' },
      providerTracking: false,
    });
    expect(result).toEqual({ id: expect.stringMatching(/@mg\.herald\.test>$/), accepted: 1 });
    expect(fake.calls).toHaveLength(1);
    const [call] = fake.calls;
    expect(call).toMatchObject({
      domain: 'mg.herald.test',
      to: ['ada@example.test'],
      subject: 'Welcome',
      tags: ['welcome', 'a', 'b'],
      variables: { send: 's-123' },
      headers: expect.objectContaining({ 'Reply-To': 'reply@herald.test', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }),
      options: expect.objectContaining({ tracking: 'no', 'tracking-opens': 'no', 'tracking-clicks': 'no' }),
    });
  });

  it('sends a batch with recipient-variables: each recipient gets their own message', async () => {
    const recipients = Array.from({ length: 1000 }, (_, i) => ({ address: `r${i}@example.test`, variables: { name: `R${i}` } }));
    const result = await mail().sendBatch({
      from: 'news@mg.herald.test',
      subject: 'Hi %recipient.name%',
      html: '<b>%recipient.name%</b>',
      recipients,
    });
    expect(result.accepted).toBe(1000);
    expect(fake.calls).toHaveLength(1);
    const deliveries = fake.deliveries();
    expect(deliveries).toHaveLength(1000);
    expect(deliveries.find((d) => d.to === 'r7@example.test')).toMatchObject({ subject: 'Hi R7', html: '<b>R7</b>' });
    expect([...fake.recipientCounts().values()].every((n) => n === 1)).toBe(true);
    await expect(
      mail().sendBatch({
        from: 'news@mg.herald.test',
        subject: 'x',
        text: 'x',
        recipients: [...recipients, { address: 'one-too-many@example.test', variables: {} }],
      })
    ).rejects.toMatchObject({ kind: 'rejected' });
  });

  it('classifies failures so the sender knows whether a retry is safe', async () => {
    const message = { from: 'news@mg.herald.test', to: 'ada@example.test', subject: 'x', text: 'x' };
    fake.fault({ kind: 'status', status: 503, times: 1 });
    await expect(mail().send(message)).rejects.toMatchObject({ kind: 'retryable', status: 503 });
    fake.fault({ kind: 'status', status: 429, times: 1 });
    await expect(mail().send(message)).rejects.toMatchObject({ kind: 'rate-limited', status: 429 });
    await expect(mail().send({ ...message, text: undefined })).rejects.toMatchObject({ kind: 'rejected', status: 400 });
    expect(fake.calls).toHaveLength(0);

    fake.fault({ kind: 'accept-then-reset', times: 1 });
    await expect(mail().send(message)).rejects.toMatchObject({ kind: 'unknown-outcome' });
    expect(fake.calls).toHaveLength(1); // Mailgun did take it: a blind retry would mail Ada twice

    fake.fault({ kind: 'slow', delayMs: 3000, times: 1 });
    await expect(mail().send(message)).rejects.toMatchObject({ kind: 'unknown-outcome' });
    await expect(mail().send(message)).resolves.toMatchObject({ accepted: 1 });
  });
});
