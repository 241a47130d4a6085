import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { MailBatch, MailMessage, MailTransport, SendResult } from '../../../../../types/shared/mail';
import { substitute } from '../domain/mail-error';

const messageId = (from: string) => `<${randomUUID()}@${/@([^>\s]+)/.exec(from)?.[1] ?? 'herald.local'}>`;

// Development delivery: messages land in herald_mail_outbox exactly as each recipient would see them.
export const createOutboxTransport = (knex: Knex): MailTransport => {
  const row = (m: Omit<MailMessage, 'to'>, to: string, vars: Record<string, string | number>, batchId: string | null) => ({
    message_id: messageId(m.from),
    batch_id: batchId,
    from_address: m.from,
    to_address: to,
    reply_to: m.replyTo ?? null,
    subject: substitute(m.subject, vars) ?? '',
    html: substitute(m.html, vars) ?? null,
    text_body: substitute(m.text, vars) ?? null,
    headers: JSON.stringify(Object.fromEntries(Object.entries(m.headers ?? {}).map(([k, v]) => [k, substitute(v, vars)]))),
    tags: m.tags ?? [],
    variables: JSON.stringify({ ...(m.variables ?? {}), ...vars }),
  });

  const store = async (rows: Array<ReturnType<typeof row>>, id: string): Promise<SendResult> => {
    await knex.batchInsert('herald_mail_outbox', rows, 500);
    return { id, accepted: rows.length };
  };

  return {
    name: 'outbox',
    send: (m) => {
      const to = Array.isArray(m.to) ? m.to : [m.to];
      const rows = to.map((address) => row(m, address, {}, null));
      return store(rows, rows[0]?.message_id ?? '');
    },
    sendBatch: (b: MailBatch) => {
      const batchId = randomUUID();
      return store(
        b.recipients.map((r) => row(b, r.address, r.variables, batchId)),
        batchId
      );
    },
  };
};
