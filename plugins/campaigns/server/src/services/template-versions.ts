import type { Core } from '@strapi/strapi';

const TABLE = 'herald_template_versions';

export interface TemplateVersion {
  version: number;
  name: string;
  preheader: string | null;
  body: unknown;
  createdAt: string;
}

const fromRow = (row: Record<string, unknown>): TemplateVersion => ({
  version: Number(row.version),
  name: String(row.name),
  preheader: (row.preheader as string | null) ?? null,
  body: typeof row.body === 'string' ? JSON.parse(row.body) : row.body,
  createdAt: new Date(row.created_at as string).toISOString(),
});

// The saved versions of each template (see the campaigns-template-versions migration).
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  return {
    // The next number is computed in the insert; the unique key turns a race into an error, not a duplicate.
    async record(template: { documentId: string; name: string; preheader?: string | null; body: unknown }): Promise<number> {
      const { rows } = await knex().raw(
        `INSERT INTO ${TABLE} (template_document_id, version, name, preheader, body)
         SELECT ?, coalesce(max(version), 0) + 1, ?, ?, ?::jsonb FROM ${TABLE} WHERE template_document_id = ?
         RETURNING version`,
        [template.documentId, template.name, template.preheader ?? null, JSON.stringify(template.body), template.documentId]
      );
      return Number(rows[0].version);
    },

    async list(documentId: string): Promise<Array<Omit<TemplateVersion, 'body'>>> {
      const rows = await knex()(TABLE)
        .where({ template_document_id: documentId })
        .orderBy('version', 'desc')
        .select('version', 'name', 'preheader', 'created_at');
      return rows.map((row) => ({
        version: Number(row.version),
        name: row.name,
        preheader: row.preheader ?? null,
        createdAt: new Date(row.created_at).toISOString(),
      }));
    },

    async find(documentId: string, version: number): Promise<TemplateVersion | null> {
      const row = await knex()(TABLE).where({ template_document_id: documentId, version }).first();
      return row ? fromRow(row) : null;
    },
  };
};
