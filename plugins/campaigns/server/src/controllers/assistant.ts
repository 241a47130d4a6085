import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { TONES } from '../services/assistant-prompts';
import { AssistantError } from '../services/assistant';

type Ctx = { request: { body?: unknown }; body: unknown; status: number; badRequest(message: string): void };

const brief = z.object({ brief: z.string().trim().min(1, 'brief is required').max(4000, 'brief is too long (max 4000)') });
const rewrite = z.object({
  text: z.string().trim().min(1, 'text is required').max(4000, 'text is too long (max 4000)'),
  tone: z.enum(Object.keys(TONES) as [keyof typeof TONES], { error: `tone must be one of ${Object.keys(TONES).join(', ')}` }),
});

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const assistant = () => strapi.plugin('campaigns').service('assistant');
  const handle =
    <T>(schema: z.ZodType<T>, fn: (input: T) => Promise<unknown>) =>
    async (ctx: Ctx) => {
      const parsed = schema.safeParse(ctx.request.body ?? {});
      if (!parsed.success) {
        const [issue] = parsed.error.issues;
        return ctx.badRequest(`${issue.path.join('.')}: ${issue.message}`);
      }
      try {
        ctx.body = await fn(parsed.data);
      } catch (err) {
        if (!(err instanceof AssistantError)) throw err;
        ctx.status = err.status;
        ctx.body = { error: { status: err.status, name: 'AssistantError', message: err.message } };
      }
    };

  return {
    subjects: handle(brief, (input) => assistant().suggestSubjects(input.brief)),
    draft: handle(brief, (input) => assistant().draft(input.brief)),
    rewrite: handle(rewrite, (input) => assistant().rewrite(input.text, input.tone)),
  };
};
