import type { Core } from '@strapi/strapi';
import OpenAI from 'openai';
import { draftPrompt, parseSuggestions, rewritePrompt, subjectPrompt, type Tone } from './assistant-prompts';

// An assistant failure the controller answers with: 503 (not configured, timed out), 429, 502.
export class AssistantError extends Error {
  constructor(
    readonly status: 429 | 502 | 503,
    message: string
  ) {
    super(message);
  }
}

type OpenAIConfig = { apiKey: string; baseUrl: string; model: string; timeoutMs: number };

const timedOut = ({ timeoutMs }: OpenAIConfig) =>
  new AssistantError(503, `The AI provider did not answer within ${timeoutMs / 1000} s; try again.`);

const explain = (err: unknown, settings: OpenAIConfig): AssistantError => {
  if (err instanceof OpenAI.APIConnectionTimeoutError) return timedOut(settings);
  if (err instanceof OpenAI.RateLimitError)
    return new AssistantError(429, 'The AI provider is rate limiting requests; wait a moment and try again.');
  if (err instanceof OpenAI.AuthenticationError)
    return new AssistantError(502, 'The AI provider refused the API key (check OPENAI_API_KEY).');
  if (err instanceof OpenAI.APIError && err.status)
    return new AssistantError(502, `The AI provider failed (HTTP ${err.status}); try again later.`);
  if (err instanceof OpenAI.APIConnectionError) return new AssistantError(502, 'Could not reach the AI provider (check OPENAI_BASE_URL).');
  return new AssistantError(502, `The AI provider failed: ${(err as Error).message}`);
};

// The writing assistant: subject lines and preheaders, a block drafted from a brief, a block rewritten.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let client: OpenAI | undefined;
  const config = () => (strapi.config.get('herald') as { openai: OpenAIConfig }).openai;

  const ask = async (messages: Array<{ role: 'system' | 'user'; content: string }>): Promise<string> => {
    const settings = config();
    const { apiKey, baseUrl, model, timeoutMs } = settings;
    if (!apiKey)
      throw new AssistantError(
        503,
        'The writing assistant is off: set OPENAI_API_KEY (and optionally OPENAI_BASE_URL, OPENAI_MODEL) and restart.'
      );
    // The SDK tries once more after a 5xx, 429 or lost connection; the deadline covers both attempts.
    client ??= new OpenAI({ apiKey, baseURL: baseUrl, timeout: timeoutMs, maxRetries: 1 });
    const deadline = AbortSignal.timeout(timeoutMs);
    try {
      const completion = await client.chat.completions.create({ model, messages, temperature: 0.7 }, { signal: deadline });
      const reply = completion.choices[0]?.message?.content?.trim();
      if (!reply) throw new AssistantError(502, 'The AI provider returned an empty answer; try again.');
      return reply;
    } catch (err) {
      if (err instanceof AssistantError) throw err;
      // Read from the signal: how the SDK reports an abort depends on the fetch it runs on.
      throw deadline.aborted ? timedOut(settings) : explain(err, settings);
    }
  };

  return {
    enabled: () => Boolean(config().apiKey),
    suggestSubjects: async (brief: string) => parseSuggestions(await ask(subjectPrompt(brief))),
    draft: async (brief: string) => ({ text: await ask(draftPrompt(brief)) }),
    rewrite: async (text: string, tone: Tone) => ({ text: await ask(rewritePrompt(text, tone)) }),
  };
};
