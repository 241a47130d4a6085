import type { Knex } from 'knex';

export type FormCounter = 'views' | 'submissions' | 'confirmations';
export type FormCounts = Record<FormCounter, number>;
export type CountIncrements = Map<string, FormCounts>;

// One statement for any number of forms: concurrent flushes from several web processes add up.
export const addCounts = async (db: Knex, increments: CountIncrements): Promise<void> => {
  if (increments.size === 0) return;
  const ids = [...increments.keys()];
  const column = (c: FormCounter) => ids.map((id) => increments.get(id)![c]);
  await db.raw(
    `INSERT INTO herald_form_counts (form_document_id, views, submissions, confirmations)
     SELECT * FROM unnest(?::text[], ?::bigint[], ?::bigint[], ?::bigint[])
     ON CONFLICT (form_document_id) DO UPDATE SET
       views = herald_form_counts.views + EXCLUDED.views,
       submissions = herald_form_counts.submissions + EXCLUDED.submissions,
       confirmations = herald_form_counts.confirmations + EXCLUDED.confirmations,
       updated_at = now()`,
    [ids, column('views'), column('submissions'), column('confirmations')]
  );
};

export const readCounts = async (db: Knex, formDocumentIds: string[]): Promise<Map<string, FormCounts>> => {
  const rows: Array<{ form_document_id: string } & Record<FormCounter, string>> = await db('herald_form_counts').whereIn(
    'form_document_id',
    formDocumentIds
  );
  return new Map(
    rows.map((r) => [
      r.form_document_id,
      { views: Number(r.views), submissions: Number(r.submissions), confirmations: Number(r.confirmations) },
    ])
  );
};
