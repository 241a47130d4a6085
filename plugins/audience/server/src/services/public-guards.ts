import type { Core } from '@strapi/strapi';

export const SUBMISSIONS_PER_MINUTE = 10;
const WINDOW_S = 60;
const CONFIRMATION_MAIL_EVERY_S = 24 * 3600;

// Limits on anonymous endpoints, kept in Redis so every web process shares them.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const queues = () => strapi.plugin('platform').service('queues');
  const key = (...parts: string[]) => [queues().prefix(), 'audience', ...parts].join(':');

  return {
    // Fixed one-minute window per form and address: { ok: false, retryAfterS } once it is used up.
    async allowSubmission(formDocumentId: string, ip: string): Promise<{ ok: true } | { ok: false; retryAfterS: number }> {
      const k = key('form-submissions', formDocumentId, ip);
      const results = await queues().redis().multi().set(k, 0, 'EX', WINDOW_S, 'NX').incr(k).ttl(k).exec();
      const count = Number(results?.[1]?.[1] ?? 0);
      const ttl = Number(results?.[2]?.[1] ?? WINDOW_S);
      return count > SUBMISSIONS_PER_MINUTE ? { ok: false, retryAfterS: Math.max(1, ttl) } : { ok: true };
    },

    // True for the first confirmation mail to this address today: nobody gets mail-bombed through a form.
    async firstConfirmationMailToday(emailHash: string): Promise<boolean> {
      return (await queues().redis().set(key('confirmation-mail', emailHash), '1', 'EX', CONFIRMATION_MAIL_EVERY_S, 'NX')) === 'OK';
    },
  };
};
