import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Knex } from 'knex';
import { describeChange } from '../domain/changes';
import { coerceFieldValue, validateFieldValues, type FieldDefinition, type FieldValue } from '../domain/field-values';
import { emailProblem, languageProblem, normalizeEmail, timeZoneProblem } from '../domain/subscriber-input';
import { FIELD_DEFINITION, SUBSCRIBER } from '../domain/uids';

type Data = Record<string, unknown> & { email?: unknown; fields?: unknown; timeZone?: unknown; language?: unknown };
type Loaded = Record<string, unknown> & {
  documentId: string;
  email: string;
  status: string;
  fields: Record<string, FieldValue> | null;
  tags?: Array<{ id: number }>;
};
type Problem = { path: string[]; message: string };

export const invalid = (problems: Problem[]) =>
  new errors.ValidationError(problems.map((p) => `${p.path.join('.')} ${p.message}`).join('; '), {
    errors: problems.map((p) => ({ path: p.path, message: p.message, name: 'ValidationError' })),
  });

// Every write to a subscriber, whatever the door (REST, GraphQL, admin, forms), passes here: input is
// normalised and validated, and the change is recorded as events and timeline entries in the same
// transaction as the write itself. The CSV import writes in bulk beside the Document Service and applies
// the same domain rules itself (services/import-runner.ts).
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const load = async (documentId: string): Promise<Loaded | null> =>
    (await strapi
      .documents(SUBSCRIBER as never)
      .findOne({ documentId, populate: { tags: { fields: ['id'] } } } as never)) as unknown as Loaded | null;

  const normalise = async (data: Data, current: Loaded | null) => {
    const problems: Problem[] = [];
    if ('email' in data || !current) {
      const problem = emailProblem(data.email);
      if (problem) problems.push({ path: ['email'], message: problem });
      else {
        data.email = normalizeEmail(String(data.email));
        const clash = await strapi.db.query(SUBSCRIBER as never).findOne({ where: { email: data.email }, select: ['documentId'] } as never);
        if (clash && (clash as { documentId: string }).documentId !== current?.documentId) {
          problems.push({ path: ['email'], message: 'belongs to another subscriber already' });
        }
      }
    }
    for (const [key, check] of [
      ['timeZone', timeZoneProblem],
      ['language', languageProblem],
    ] as const) {
      const problem = check(data[key]);
      if (problem) problems.push({ path: [key], message: problem });
    }
    if ('fields' in data || !current) {
      const input = data.fields ?? {};
      if (typeof input !== 'object' || Array.isArray(input))
        problems.push({ path: ['fields'], message: 'must be an object of custom field values' });
      else {
        const definitions = await strapi.plugin('audience').service('fields').definitions();
        const result = validateFieldValues(definitions, input as Record<string, unknown>, {
          creating: !current,
          current: current?.fields ?? {},
        });
        problems.push(...result.problems.map((p) => ({ path: ['fields', p.key], message: p.message })));
        data.fields = result.values;
      }
    }
    if (problems.length) throw invalid(problems);
  };

  const record = async (trx: Knex.Transaction, before: Loaded | null, after: Loaded | null) => {
    const actor = strapi.plugin('platform').service('audit').currentActor();
    const snapshot = (s: Loaded | null) => s && { ...s, tagIds: (s.tags ?? []).map((t) => t.id) };
    const { events, timeline } = describeChange(snapshot(before), snapshot(after));
    await strapi.plugin('platform').service('events').emitMany(events, { transaction: trx });
    const documentId = (after ?? before)!.documentId;
    await strapi
      .plugin('audience')
      .service('activity')
      .record(
        timeline.map((t) => ({ ...t, subscriberDocumentId: documentId, actor: actor.actor_label ?? actor.actor_id ?? actor.actor_type })),
        trx
      );
  };

  // Select fields need options, and a default must be a value the field accepts.
  const checkDefinition = async ({ documentId, data = {} }: { documentId?: string; data?: Partial<FieldDefinition> }) => {
    const current = documentId
      ? ((await strapi.documents(FIELD_DEFINITION as never).findOne({ documentId } as never)) as unknown as FieldDefinition | null)
      : null;
    const merged = { ...current, ...data } as FieldDefinition;
    const problems: Problem[] = [];
    const choices = ['select', 'multiselect'].includes(merged.type);
    const options = merged.options;
    if (choices && (!Array.isArray(options) || options.length === 0 || options.some((o) => typeof o !== 'string' || o === ''))) {
      problems.push({ path: ['options'], message: 'must be a non-empty list of texts for a select field' });
    }
    if (merged.defaultValue !== undefined && merged.defaultValue !== null && merged.defaultValue !== '' && problems.length === 0) {
      const result = coerceFieldValue(merged, merged.defaultValue);
      if ('error' in result) problems.push({ path: ['defaultValue'], message: result.error });
    }
    if (problems.length) throw invalid(problems);
  };

  return {
    register() {
      strapi.documents.use(async (ctx, next) => {
        if (ctx.uid === FIELD_DEFINITION && ['create', 'update', 'delete'].includes(ctx.action)) {
          if (ctx.action !== 'delete') await checkDefinition(ctx.params as { documentId?: string; data?: Partial<FieldDefinition> });
          const result = await next();
          strapi.plugin('audience').service('fields').invalidate();
          return result;
        }
        if (ctx.uid !== SUBSCRIBER || !['create', 'update', 'delete'].includes(ctx.action)) return next();
        const params = ctx.params as { documentId?: string; data?: Data };
        return strapi.db.transaction(async ({ trx }) => {
          const before = params.documentId ? await load(params.documentId) : null;
          if (ctx.action !== 'delete') await normalise((params.data ??= {}), before);
          const result = await next();
          const documentId = (result as { documentId?: string } | null)?.documentId;
          const after = ctx.action === 'delete' || !documentId ? null : await load(documentId);
          if (before || after) await record(trx as Knex.Transaction, before, after);
          return result;
        });
      });
    },
  };
};
