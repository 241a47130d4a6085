import type { Core } from '@strapi/strapi';
import { formProblems, nextConsentVersion, type FormInput } from '../domain/form-definition';
import { FORM } from '../domain/uids';
import { invalid } from './subscriber-rules';

type StoredForm = FormInput & { consentVersion?: number | null };

// Every write to a form is checked as a whole (stored values merged with the change) and its consent
// wording version is set by the server, whatever the door (REST, GraphQL, admin).
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  register() {
    strapi.documents.use(async (ctx, next) => {
      if (ctx.uid !== FORM || !['create', 'update'].includes(ctx.action)) return next();
      const params = ctx.params as { documentId?: string; data?: StoredForm };
      const data = (params.data ??= {});
      const current = params.documentId
        ? ((await strapi.documents(FORM as never).findOne({ documentId: params.documentId } as never)) as unknown as StoredForm | null)
        : null;
      const definitions = await strapi.plugin('audience').service('fields').definitions();
      const problems = formProblems({ ...current, ...data }, definitions);
      if (problems.length) throw invalid(problems);
      data.consentVersion = nextConsentVersion(current, data.consentText);
      return next();
    });
  },
});
