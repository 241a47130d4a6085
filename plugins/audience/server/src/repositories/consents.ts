import type { Knex } from 'knex';

const TABLE = 'herald_consents';

export type ConsentRow = {
  id: string;
  subscriber_document_id: string | null;
  email_hash: string;
  action: 'granted' | 'withdrawn';
  basis: string;
  form_document_id: string | null;
  form_version: string | null;
  wording_hash: string | null;
  wording: string | null;
  method: string;
  ip: string | null;
  user_agent: string | null;
  confirmed_at: Date | null;
  created_at: Date;
};

export type NewConsentRow = Omit<ConsentRow, 'id' | 'created_at'>;

// herald_consents is append-only (a trigger refuses other updates and deletes): these are the only writes.
export const insertConsent = async (db: Knex | Knex.Transaction, row: NewConsentRow): Promise<ConsentRow> =>
  (await db(TABLE).insert(row).returning('*'))[0];

export const consentsOf = (db: Knex, subscriberDocumentId: string): Promise<ConsentRow[]> =>
  db(TABLE)
    .where({ subscriber_document_id: subscriberDocumentId })
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ]);

// The newest grant a subscriber gave through one form: what a confirmation link confirms.
export const latestGrant = (
  db: Knex | Knex.Transaction,
  subscriberDocumentId: string,
  formDocumentId: string
): Promise<ConsentRow | undefined> =>
  db(TABLE)
    .where({ subscriber_document_id: subscriberDocumentId, form_document_id: formDocumentId, action: 'granted' })
    .orderBy('id', 'desc')
    .first();

export const detachConsents = (db: Knex | Knex.Transaction, subscriberDocumentId: string): Promise<number> =>
  db(TABLE).where({ subscriber_document_id: subscriberDocumentId }).update({ subscriber_document_id: null });
