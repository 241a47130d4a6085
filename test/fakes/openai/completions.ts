import { randomBytes } from 'node:crypto';

export interface ChatMessage {
  role: string;
  /** A string, or content parts of which only the text ones matter here. */
  content?: string | Array<{ type: string; text?: string }> | null;
  [key: string]: unknown;
}

/** The fields of a chat completion request the fake looks at; everything else is kept as sent. */
export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  n?: number | null;
  stream?: boolean | null;
  stream_options?: { include_usage?: boolean } | null;
  [key: string]: unknown;
}

/** Scripts the reply text; called once per choice (`n`). */
export type Responder = (req: ChatRequest, choiceIndex: number) => string;

export const FAKE_MODEL = 'gpt-4o-mini';

export const defaultResponder: Responder = (req) => {
  const lastUser = [...req.messages].reverse().find((message) => message.role === 'user');
  return `Fake reply to: ${lastUser ? textOf(lastUser).slice(0, 80) : ''}`;
};

/** Returns the problem OpenAI would report as a 400, or undefined when the request is usable. */
export function validate(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'The request body must be a JSON object.';
  const req = body as Partial<ChatRequest>;
  if (typeof req.model !== 'string' || !req.model) return 'you must provide a model parameter';
  if (!Array.isArray(req.messages) || req.messages.length === 0) return "Missing required parameter: 'messages'.";
  if (req.n != null && (!Number.isInteger(req.n) || req.n < 1 || req.n > 128)) return 'n must be an integer between 1 and 128';
  return undefined;
}

interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

export interface Completion {
  replies: string[];
  id: string;
  created: number;
  model: string;
  usage: Usage;
}

export function complete(req: ChatRequest, responder: Responder): Completion {
  const replies = Array.from({ length: req.n ?? 1 }, (_, index) => responder(req, index));
  const promptTokens = req.messages.reduce((sum, message) => sum + tokens(textOf(message)), 0);
  const completionTokens = replies.reduce((sum, reply) => sum + tokens(reply), 0);
  return {
    replies,
    id: `chatcmpl-${randomBytes(12).toString('base64url')}`,
    created: Math.floor(Date.now() / 1000),
    model: req.model,
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
  };
}

export function completionBody(c: Completion): object {
  return {
    id: c.id,
    object: 'chat.completion',
    created: c.created,
    model: c.model,
    choices: c.replies.map((content, index) => ({
      index,
      message: { role: 'assistant', content, refusal: null, annotations: [] },
      logprobs: null,
      finish_reason: 'stop',
    })),
    usage: c.usage,
    service_tier: 'default',
    system_fingerprint: 'fp_fake',
  };
}

/** The SSE `data:` payloads OpenAI streams for this completion, ending with [DONE]. */
export function streamEvents(c: Completion, includeUsage: boolean): string[] {
  const chunk = (choices: object[], usage?: Usage): string =>
    JSON.stringify({
      id: c.id,
      object: 'chat.completion.chunk',
      created: c.created,
      model: c.model,
      system_fingerprint: 'fp_fake',
      choices,
      ...(includeUsage ? { usage: usage ?? null } : {}),
    });
  const choice = (index: number, delta: object, finishReason: string | null = null): object => ({
    index,
    delta,
    logprobs: null,
    finish_reason: finishReason,
  });
  const events: string[] = [];
  c.replies.forEach((reply, index) => {
    events.push(chunk([choice(index, { role: 'assistant', content: '', refusal: null })]));
    // Word-sized deltas so consumers really have to concatenate.
    for (const piece of reply.match(/\s*\S+/g) ?? []) events.push(chunk([choice(index, { content: piece })]));
    events.push(chunk([choice(index, {}, 'stop')]));
  });
  if (includeUsage) events.push(chunk([], c.usage));
  events.push('[DONE]');
  return events;
}

function textOf(message: ChatMessage): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  return (content ?? []).map((part) => part.text ?? '').join('');
}

/** Rough but deterministic: ~4 characters per token, like OpenAI's rule of thumb. */
function tokens(text: string): number {
  return Math.ceil(text.length / 4);
}
