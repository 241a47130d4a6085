import { factories, type Core } from '@strapi/strapi';
import { parseBody, type BlockPath, type TemplateBody } from '../domain/blocks';
import { checkBlocksLiquid } from '../domain/blocks-liquid';
import { checkLiquid } from '../domain/liquid';
import { knownVariables } from '../domain/liquid-context';
import { renderEmail, type RenderedEmail } from '../domain/render/email';

export const TEMPLATE = 'plugin::campaigns.template';

export interface TemplateIssue {
  path: BlockPath;
  message: string;
}

export type TemplateCheck = { ok: true; body: TemplateBody } | { ok: false; issues: TemplateIssue[] };

export class TemplateNotFound extends Error {}

// Templates: Strapi's CRUD plus validation and compilation. compile() is what the send pipeline
// calls, once per campaign: HTML and text with Liquid left in for per-recipient personalisation.
export default factories.createCoreService(TEMPLATE as never, ({ strapi }: { strapi: Core.Strapi }) => {
  const fieldKeys = async (): Promise<string[]> => {
    const definitions: Array<{ key: string }> = await strapi.plugin('audience').service('fields').definitions();
    return definitions.map((d) => d.key);
  };

  return {
    // The block tree's shape, then Liquid (syntax, filters, variables) in every text and the preheader.
    async check({ body, preheader }: { body: unknown; preheader?: string | null }): Promise<TemplateCheck> {
      const parsed = parseBody(body);
      if (!parsed.ok) return { ok: false, issues: [{ path: ['body', ...parsed.path], message: parsed.message }] };
      const keys = await fieldKeys();
      const issues: TemplateIssue[] = [
        ...checkBlocksLiquid(parsed.body, keys).map((issue) => ({ ...issue, path: ['body', ...issue.path] })),
        ...(await this.checkTexts({ preheader }, keys)),
      ];
      return issues.length ? { ok: false, issues } : { ok: true, body: parsed.body };
    },

    // Liquid in loose texts (a campaign's subject and preheader), each reported under its name.
    async checkTexts(texts: Record<string, string | null | undefined>, keys?: string[]): Promise<TemplateIssue[]> {
      const known = knownVariables(keys ?? (await fieldKeys()));
      return Object.entries(texts).flatMap(([name, text]) =>
        checkLiquid(text ?? '', known).map((issue) => ({
          path: [name],
          message: `${issue.message} (line ${issue.line}, column ${issue.column})`,
        }))
      );
    },

    async render(body: TemplateBody, preheader?: string | null): Promise<RenderedEmail> {
      return renderEmail(body, await strapi.plugin('campaigns').service('brand').get(), { preheader: preheader ?? '' });
    },

    // `preheader` (a campaign's, Liquid allowed) replaces the template's when it is not blank.
    async compile(templateDocumentId: string, { preheader }: { preheader?: string | null } = {}): Promise<RenderedEmail> {
      const template = (await strapi.documents(TEMPLATE as never).findOne({ documentId: templateDocumentId } as never)) as {
        body: unknown;
        preheader?: string | null;
      } | null;
      if (!template) throw new TemplateNotFound(`no template ${templateDocumentId}`);
      // Stored bodies were validated on save; parsing again gives the typed tree (and guards old rows).
      const parsed = parseBody(template.body);
      if (!parsed.ok) throw new Error(`template ${templateDocumentId} body.${parsed.path.join('.')}: ${parsed.message}`);
      return this.render(parsed.body, preheader?.trim() ? preheader : template.preheader);
    },
  };
});
