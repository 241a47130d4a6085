import type { Core } from '@strapi/strapi';
import type { MailBatch, MailMessage, MailTransport } from '../../../../../types/shared/mail';
import type { HeraldConfig } from '../domain/herald-config';
import { createMailgunTransport } from '../transports/mailgun';
import { createOutboxTransport } from '../transports/outbox';
import { fromJsonb } from '../repositories/jsonb';
import { paginateNewestFirst } from '../repositories/paginate';

// The mail transport other plugins use: Mailgun when a key is configured, the local outbox otherwise.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let transport: MailTransport | undefined;

  const current = (): MailTransport => {
    if (!transport) {
      const mail = (strapi.config.get('herald') as HeraldConfig).mail;
      transport =
        mail.mailgunKey && mail.mailgunDomain
          ? createMailgunTransport({
              key: mail.mailgunKey,
              domain: mail.mailgunDomain,
              url: mail.mailgunUrl,
              timeoutMs: mail.mailgunTimeoutMs,
            })
          : createOutboxTransport(strapi.db.connection);
    }
    return transport;
  };

  return {
    transportName: () => current().name,
    send: (message: MailMessage) => current().send(message),
    sendBatch: (batch: MailBatch) => current().sendBatch(batch),

    async listOutbox({ page, pageSize, q }: { page: number; pageSize: number; q?: string }) {
      const knex = strapi.db.connection;
      const base = knex('herald_mail_outbox').modify((query) => {
        if (q) query.where((w) => w.whereILike('to_address', `%${q}%`).orWhereILike('subject', `%${q}%`));
      });
      return paginateNewestFirst(base, { page, pageSize }, [
        'id',
        'message_id',
        'from_address',
        'to_address',
        'subject',
        'tags',
        'created_at',
      ]);
    },

    async outboxMessage(id: string) {
      const row = await strapi.db.connection('herald_mail_outbox').where({ id }).first();
      return row && { ...row, headers: fromJsonb(row.headers), variables: fromJsonb(row.variables) };
    },
  };
};
