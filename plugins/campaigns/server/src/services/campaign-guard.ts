import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CAMPAIGN } from '../domain/campaign-config';
import { NEW_CAMPAIGN, PIPELINE_FIELDS, refusal, type PipelineState } from '../domain/campaign-guard';

// Strapi answers an error with its own status only for the http-errors class that @strapi/utils
// re-exports, which has no conflict class of its own and cannot be extended (its constructor
// throws); so a plain Error is put on its prototype chain.
export class CampaignConflict extends Error {
  readonly status = 409;
  readonly statusCode = 409;
  readonly expose = true;
  override name = 'ConflictError';
}
Object.setPrototypeOf(CampaignConflict.prototype, errors.HttpError.prototype);

type Params = { documentId?: string; data?: Record<string, unknown> };

const LIQUID_FIELDS = ['subject', 'preheader'];

// On every write path (REST, GraphQL, content manager): the status machine owns the status and the
// send times (the lifecycle moves them with Knex, below the Document Service), a campaign that
// has started sending keeps the content it was sent with, and its subject and preheader are valid Liquid.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  register() {
    strapi.documents.use(async (ctx, next) => {
      if (ctx.uid !== CAMPAIGN || !['create', 'update', 'clone'].includes(ctx.action)) return next();
      const params = ctx.params as Params;
      const data = (params.data ??= {});
      if (ctx.action === 'clone') {
        // A copy is a new draft whatever the original's state.
        Object.assign(data, NEW_CAMPAIGN);
        return next();
      }
      const current =
        ctx.action === 'update'
          ? ((await strapi
              .documents(CAMPAIGN as never)
              .findOne({ documentId: params.documentId, fields: [...PIPELINE_FIELDS] } as never)) as PipelineState | null)
          : null;
      const reason = ctx.action === 'update' && !current ? null : refusal(data, current);
      if (reason) throw new CampaignConflict(reason);
      // Liquid mistakes in the subject or preheader are reported now, never at send time.
      const texts = Object.fromEntries(LIQUID_FIELDS.filter((f) => f in data).map((f) => [f, data[f] as string | null]));
      const [first, ...more] = await strapi.plugin('campaigns').service('template').checkTexts(texts);
      if (first) {
        throw new errors.ValidationError(`${first.path.join('.')}: ${first.message}`, {
          errors: [first, ...more].map((issue: { path: string[]; message: string }) => ({ ...issue, name: 'ValidationError' })),
        });
      }
      return next();
    });
  },
});
