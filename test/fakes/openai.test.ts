import OpenAI from 'openai';
import { startFakeOpenAI, type FakeOpenAI } from './index';

const MODEL = 'gpt-4o-mini';

describe('fake OpenAI with the real openai client', () => {
  let fake: FakeOpenAI;
  let client: OpenAI;

  beforeAll(async () => {
    fake = await startFakeOpenAI();
    client = new OpenAI({ apiKey: fake.apiKey, baseURL: `${fake.url}/v1`, maxRetries: 0 });
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());

  const ask = (content: string) => client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content }] });

  it('answers a chat completion in OpenAI’s shape and records the request', async () => {
    const completion = await client.chat.completions.create({
      model: MODEL,
      messages: [
        { role: 'system', content: 'You write subject lines.' },
        { role: 'user', content: 'First question' },
        { role: 'assistant', content: 'First answer' },
        { role: 'user', content: `Suggest a subject line for: ${'x'.repeat(100)}` },
      ],
      temperature: 0.2,
    });

    expect(completion.object).toBe('chat.completion');
    expect(completion.id).toMatch(/^chatcmpl-/);
    expect(completion.model).toBe(MODEL);
    expect(typeof completion.created).toBe('number');
    expect(completion.choices).toHaveLength(1);
    const expected = `Fake reply to: ${`Suggest a subject line for: ${'x'.repeat(100)}`.slice(0, 80)}`;
    expect(completion.choices[0]).toMatchObject({
      index: 0,
      finish_reason: 'stop',
      message: { role: 'assistant', content: expected },
    });
    expect(completion.usage?.total_tokens).toBe((completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0));
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ model: MODEL, temperature: 0.2 });
    expect(fake.requests[0].messages).toHaveLength(4);
  });

  it('honours n and scripted replies', async () => {
    fake.respondWith((req, choice) => `${req.messages.length} message(s), choice ${choice}`);
    const completion = await client.chat.completions.create({ model: MODEL, n: 3, messages: [{ role: 'user', content: 'hi' }] });
    expect(completion.choices.map((c) => [c.index, c.message.content])).toEqual([
      [0, '1 message(s), choice 0'],
      [1, '1 message(s), choice 1'],
      [2, '1 message(s), choice 2'],
    ]);

    fake.respondWith(null);
    expect((await ask('back to default')).choices[0].message.content).toBe('Fake reply to: back to default');
  });

  it('streams SSE chunks that the client reassembles', async () => {
    fake.respondWith(() => 'Three little words, and then some more.');
    const stream = await client.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: 'stream please' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let content = '';
    let chunks = 0;
    let finishReason: string | null = null;
    let totalTokens: number | undefined;
    for await (const chunk of stream) {
      chunks += 1;
      expect(chunk.object).toBe('chat.completion.chunk');
      content += chunk.choices[0]?.delta.content ?? '';
      finishReason = chunk.choices[0]?.finish_reason ?? finishReason;
      totalTokens = chunk.usage?.total_tokens ?? totalTokens;
    }
    expect(content).toBe('Three little words, and then some more.');
    expect(chunks).toBeGreaterThan(5);
    expect(finishReason).toBe('stop');
    expect(totalTokens).toBeGreaterThan(0);
    expect(fake.requests[0].stream).toBe(true);
  });

  it('lists a model', async () => {
    const models = [];
    for await (const model of client.models.list()) models.push(model.id);
    expect(models).toEqual([MODEL]);
  });

  it('rejects a wrong key with 401 in OpenAI’s error shape', async () => {
    const bad = new OpenAI({ apiKey: 'sk-wrong-key-123', baseURL: `${fake.url}/v1`, maxRetries: 0 });
    const error = await bad.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'x' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key', type: 'invalid_request_error' });
    expect((error as Error).message).not.toContain('sk-wrong-key-123');
    expect(fake.requests).toHaveLength(0);
  });

  describe('faults', () => {
    it('429 with retry-after surfaces as RateLimitError', async () => {
      fake.fault({ kind: 'status', status: 429, times: 1 });
      const error = await ask('x').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OpenAI.RateLimitError);
      expect(error).toMatchObject({ status: 429, code: 'rate_limit_exceeded' });
      expect((error as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe('1');
      await expect(ask('y')).resolves.toMatchObject({ object: 'chat.completion' });
    });

    it('500 surfaces as InternalServerError, and the client’s own retry gets through', async () => {
      fake.fault({ kind: 'status', status: 500, times: 1 });
      await expect(ask('x')).rejects.toBeInstanceOf(OpenAI.InternalServerError);

      fake.fault({ kind: 'status', status: 500, times: 1 });
      const retrying = new OpenAI({ apiKey: fake.apiKey, baseURL: `${fake.url}/v1`, maxRetries: 1 });
      await expect(
        retrying.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'retry' }] })
      ).resolves.toMatchObject({
        choices: [{ message: { content: 'Fake reply to: retry' } }],
      });
    });

    it('slow delays the answer; a client that times out leaves nothing recorded', async () => {
      fake.fault({ kind: 'slow', delayMs: 300, times: 1 });
      const started = Date.now();
      await ask('slow');
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect(fake.requests).toHaveLength(1);

      fake.fault({ kind: 'slow', delayMs: 400, times: 1 });
      const impatient = new OpenAI({ apiKey: fake.apiKey, baseURL: `${fake.url}/v1`, maxRetries: 0, timeout: 100 });
      // Plain Node gives APIConnectionTimeoutError; under Jest's sandboxed globals openai cannot recognise
      // the AbortError and reports its parent class, APIConnectionError.
      await expect(impatient.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(
        OpenAI.APIConnectionError
      );
      await new Promise((resolve) => setTimeout(resolve, 450));
      expect(fake.requests).toHaveLength(1);
    });

    it('reset surfaces as APIConnectionError with nothing recorded', async () => {
      fake.fault({ kind: 'reset', times: 1 });
      await expect(ask('x')).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
      expect(fake.requests).toHaveLength(0);
    });

    it('accept-then-reset records the request although the client fails', async () => {
      fake.fault({ kind: 'accept-then-reset', times: 1 });
      await expect(ask('accepted')).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
      expect(fake.requests.map((r) => r.messages[0].content)).toEqual(['accepted']);
    });
  });
});
