import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { emailHash, wordingHash } from '../domain/consent-hash';
import { consentsOf, detachConsents, insertConsent, type ConsentRow } from '../repositories/consents';
import { importConsentsOf, type ImportConsentRow } from '../repositories/import-consents';

export type ConsentInput = {
  subscriberDocumentId: string;
  email: string;
  // How the consent was given or withdrawn: form, double-opt-in, preference-center, unsubscribe-page, one-click, admin, api.
  method: string;
  basis?: string;
  formDocumentId?: string | null;
  formVersion?: string | number | null;
  wording?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  confirmedAt?: Date | null;
};

const toPlain = (r: ConsentRow) => ({
  id: String(r.id),
  action: r.action,
  basis: r.basis,
  method: r.method,
  emailHash: r.email_hash as string | null,
  formDocumentId: r.form_document_id,
  formVersion: r.form_version,
  wording: r.wording,
  wordingHash: r.wording_hash,
  ip: r.ip,
  userAgent: r.user_agent,
  confirmedAt: r.confirmed_at,
  createdAt: r.created_at,
  importId: null as string | null,
  importFile: null as string | null,
  importedBy: null as string | null,
});

export type Consent = ReturnType<typeof toPlain>;

// An import's stated basis, shown among the subscriber's consents like a record of its own.
const fromImport = (r: ImportConsentRow): Consent => ({
  id: `import-${r.import_id}`,
  action: 'granted',
  basis: r.basis,
  method: 'import',
  emailHash: null,
  formDocumentId: null,
  formVersion: null,
  wording: null,
  wordingHash: null,
  ip: null,
  userAgent: null,
  confirmedAt: null,
  createdAt: r.created_at,
  importId: String(r.import_id),
  importFile: r.file_name,
  importedBy: r.created_by_label,
});

const newestFirst = (a: Consent, b: Consent) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime();

// Consent evidence: who agreed to which wording, through which form version, from where and when.
// Rows are only ever appended; a withdrawal is a row of its own.
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const append = async (action: ConsentRow['action'], input: ConsentInput, trx?: Knex.Transaction): Promise<Consent> =>
    toPlain(
      await insertConsent(trx ?? strapi.db.connection, {
        subscriber_document_id: input.subscriberDocumentId,
        email_hash: emailHash(input.email),
        action,
        basis: input.basis ?? 'consent',
        form_document_id: input.formDocumentId ?? null,
        form_version: input.formVersion === null || input.formVersion === undefined ? null : String(input.formVersion),
        wording: input.wording ?? null,
        wording_hash: input.wording ? wordingHash(input.wording) : null,
        method: input.method,
        ip: input.ip ?? null,
        user_agent: input.userAgent ?? null,
        confirmed_at: input.confirmedAt ?? null,
      })
    );

  return {
    grant: (input: ConsentInput, trx?: Knex.Transaction) => append('granted', input, trx),
    withdraw: (input: ConsentInput, trx?: Knex.Transaction) => append('withdrawn', input, trx),
    // Newest first, the bases stated by the imports that brought the subscriber in among them.
    forSubscriber: async (documentId: string): Promise<Consent[]> => {
      const [stored, imported] = await Promise.all([
        consentsOf(strapi.db.connection, documentId),
        importConsentsOf(strapi.db.connection, documentId),
      ]);
      return [...stored.map(toPlain), ...imported.map(fromImport)].sort(newestFirst);
    },
    // For erasure: rows stay as evidence under the email hash, no longer tied to a subscriber.
    detach: (documentId: string, trx?: Knex.Transaction): Promise<number> => detachConsents(trx ?? strapi.db.connection, documentId),
  };
};
