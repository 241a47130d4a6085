import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { emailHash } from '../domain/consent-hash';
import type { Submission } from '../domain/form-submission';
import { statusAfterSubmission } from '../domain/subscription-status';
import { SUBSCRIBER } from '../domain/uids';
import { confirmationEmail } from '../pages/confirmation-email';
import { latestGrant } from '../repositories/consents';
import type { LoadedForm } from './public-forms';

export type RequestMeta = { ip: string; userAgent: string; origin: string };
type Row = { documentId: string; email: string; status: string };

const CONFIRM_TTL_MS = 7 * 24 * 3600 * 1000;

// Public sign-ups and their double opt-in. Subscriber writes go through the Document Service, so the
// subscriber rules validate them and emit subscriber.* events in the same transaction as the consent row.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const audience = () => strapi.plugin('audience');
  const platform = () => strapi.plugin('platform');
  const findByEmail = (email: string) =>
    strapi.db
      .query(SUBSCRIBER as never)
      .findOne({ where: { email }, select: ['documentId', 'email', 'status'] } as never) as Promise<Row | null>;

  const sendConfirmation = async (form: LoadedForm, subscriber: Row, origin: string) => {
    if (!(await audience().service('public-guards').firstConfirmationMailToday(emailHash(subscriber.email)))) return;
    const token = platform().service('tokens').issue('confirm', subscriber.documentId, CONFIRM_TTL_MS, { form: form.documentId });
    const mail = confirmationEmail(form.name, `${origin}/api/audience/confirm?token=${encodeURIComponent(token)}`);
    await platform()
      .service('mail')
      .send({ from: platform().service('settings').config().mail.defaultFrom, to: subscriber.email, ...mail });
  };

  return {
    // Creates or updates the subscriber, records this submission's consent, and mails a confirmation
    // link when the form asks for double opt-in. Returns whether the address awaits confirmation.
    async submit(form: LoadedForm, submission: Submission, meta: RequestMeta): Promise<{ pending: boolean }> {
      const existing = await findByEmail(submission.email);
      const status = statusAfterSubmission(existing?.status ?? null, form.doubleOptIn);
      const data = {
        ...submission.names,
        fields: { ...(form.hiddenFields ?? {}), ...submission.fields },
        tags: { connect: form.tags.map((t) => t.documentId) },
        ...(status !== existing?.status && { status }),
      };
      const subscriber = await strapi.db.transaction(async ({ trx }) => {
        const documents = strapi.documents(SUBSCRIBER as never);
        const written = (existing
          ? await documents.update({ documentId: existing.documentId, data } as never)
          : await documents.create({ data: { ...data, email: submission.email, source: 'form' } } as never)) as unknown as Row;
        await audience()
          .service('consents')
          .grant(
            {
              subscriberDocumentId: written.documentId,
              email: written.email,
              method: 'form',
              formDocumentId: form.documentId,
              formVersion: form.consentVersion,
              wording: form.consentText,
              ip: meta.ip,
              userAgent: meta.userAgent,
              confirmedAt: status === 'active' ? new Date() : null,
            },
            trx as Knex.Transaction
          );
        await platform()
          .service('events')
          .emit(
            'form.submitted',
            { formId: form.documentId, subscriberId: written.documentId },
            { transaction: trx, subject: `subscriber:${written.documentId}` }
          );
        return written;
      });
      audience().service('form-counts').count(form.documentId, 'submissions');
      const pending = status === 'unconfirmed';
      if (pending) await sendConfirmation(form, subscriber, meta.origin);
      return { pending };
    },

    // The POST behind "Confirm my subscription". The row lock makes a double click confirm (and count) once.
    async confirm(subscriberDocumentId: string, formDocumentId: string, meta: RequestMeta): Promise<'confirmed' | 'already' | 'gone'> {
      const outcome = await strapi.db.transaction(async ({ trx }) => {
        const db = trx as Knex.Transaction;
        const row = await db('herald_subscribers').where({ document_id: subscriberDocumentId }).forUpdate().first('email', 'status');
        if (!row) return 'gone' as const;
        if (row.status !== 'unconfirmed') return 'already' as const;
        await strapi.documents(SUBSCRIBER as never).update({ documentId: subscriberDocumentId, data: { status: 'active' } } as never);
        const given = await latestGrant(db, subscriberDocumentId, formDocumentId);
        await audience()
          .service('consents')
          .grant(
            {
              subscriberDocumentId,
              email: row.email,
              method: 'double-opt-in',
              formDocumentId,
              formVersion: given?.form_version ?? null,
              wording: given?.wording ?? null,
              ip: meta.ip,
              userAgent: meta.userAgent,
              confirmedAt: new Date(),
            },
            db
          );
        return 'confirmed' as const;
      });
      if (outcome === 'confirmed') audience().service('form-counts').count(formDocumentId, 'confirmations');
      return outcome;
    },
  };
};
