import type { Core } from '@strapi/strapi';
import { publicFields, type PublicField } from '../domain/form-definition';
import type { FieldValue } from '../domain/field-values';
import { FORM } from '../domain/uids';

export type LoadedForm = {
  documentId: string;
  name: string;
  doubleOptIn: boolean;
  consentText: string;
  consentVersion: number;
  hiddenFields: Record<string, FieldValue> | null;
  successMessage: string | null;
  redirectUrl: string | null;
  tags: Array<{ documentId: string }>;
  publicFields: PublicField[];
};

// Forms as the public sees them: what to render, and the definition the embed script fetches.
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(documentId: string): Promise<LoadedForm | null> {
    const form = (await strapi
      .documents(FORM as never)
      .findOne({ documentId, populate: { tags: { fields: ['documentId'] } } } as never)) as unknown as
      (Omit<LoadedForm, 'publicFields'> & { fields: unknown }) | null;
    if (!form) return null;
    const definitions = await strapi.plugin('audience').service('fields').definitions();
    return { ...form, publicFields: publicFields(form.fields, definitions) };
  },

  // Only what a visitor's browser needs: no hidden values, tags or counts.
  definition: (form: LoadedForm, origin: string) => ({
    documentId: form.documentId,
    name: form.name,
    fields: form.publicFields.map(({ key, label, type, required, options, custom }) => ({ key, label, type, required, options, custom })),
    consent: { text: form.consentText, version: form.consentVersion },
    submitUrl: `${origin}/api/audience/forms/${form.documentId}/submissions`,
  }),
});
