import type { Knex } from 'knex';

export type ImportConsentRow = {
  import_id: string;
  file_name: string;
  created_by_label: string | null;
  basis: string;
  created_at: Date;
};

// The imports that brought in or updated a subscriber, with the consent basis the admin stated for
// the file: recorded once on the import job (not as a row per imported address) and found through
// the subscriber's timeline, which names the import. An import stating no basis vouches for nothing.
export const importConsentsOf = async (db: Knex, subscriberDocumentId: string): Promise<ImportConsentRow[]> =>
  (
    await db.raw(
      `SELECT DISTINCT ON (j.id) j.id AS import_id, j.file_name, j.created_by_label, j.options->>'consentBasis' AS basis, a.created_at
       FROM herald_subscriber_activity a
       JOIN herald_import_jobs j ON j.id = (a.data->>'importId')::bigint
       WHERE a.subscriber_document_id = ? AND a.data->>'importId' IS NOT NULL AND j.options->>'consentBasis' <> 'none'
       ORDER BY j.id, a.created_at`,
      [subscriberDocumentId]
    )
  ).rows;
