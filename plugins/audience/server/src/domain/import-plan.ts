import { describeChange, type SubscriberEvent, type SubscriberSnapshot, type TimelineEntry } from './changes';
import { validateFieldValues, type FieldDefinition, type FieldValue } from './field-values';
import type { RowProblem, StagedRow } from './import-row';

// Why the list may hold these people. Every basis but 'none' lets an import make them active;
// 'none' brings them in unconfirmed, to be asked before they get campaigns.
export const CONSENT_BASES = ['consent', 'legitimate-interest', 'contract', 'none'] as const;
export type ConsentBasis = (typeof CONSENT_BASES)[number];

export const IMPORT_MODES = ['add', 'upsert'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

export const defaultStatusFor = (basis: ConsentBasis): string => (basis === 'none' ? 'unconfirmed' : 'active');

// People who opted out or cannot be mailed stay that way: an import never brings them back
// (an old list re-imported must not resubscribe anyone), though it may record a new opt-out.
const SUPPRESSED = ['unsubscribed', 'bounced', 'complained', 'blocked'];
export const importedStatus = (current: string, requested: string | undefined): string =>
  requested === undefined || (SUPPRESSED.includes(current) && !SUPPRESSED.includes(requested)) ? current : requested;

export type Existing = SubscriberSnapshot & {
  id: number;
  firstName: string | null;
  lastName: string | null;
  timeZone: string | null;
  language: string | null;
  fields: Record<string, FieldValue>;
};

export type PlanContext = {
  mode: ImportMode;
  definitions: FieldDefinition[];
  defaultStatus: string;
  // Tags every imported row gets, then the id behind each tag written in the file.
  tagIds: number[];
  tagIdOf: (reference: string) => number;
  // The header a custom field was read from, for the error report.
  columnOf: (fieldKey: string) => string;
  newDocumentId: () => string;
};

type Change = { events: SubscriberEvent[]; timeline: TimelineEntry[] };
export type Plan<E extends Existing = Existing> =
  | ({ kind: 'insert'; after: SubscriberSnapshot & Omit<Existing, 'id'> } & Change)
  | ({ kind: 'update'; before: E; after: Existing; addedTagIds: number[] } & Change)
  | { kind: 'skip' }
  | { kind: 'error'; problems: RowProblem[] };

// A person erased under GDPR asked to be forgotten: no old list brings them back.
export const erasedRow = (staged: StagedRow): Plan<never> => ({
  kind: 'error',
  problems: [
    {
      row: staged.row,
      column: 'email',
      value: staged.email,
      reason: 'this address was erased at its owner’s request and cannot be imported',
    },
  ],
});

// What importing one (merged) row does to the list, given the subscriber it matches if any:
// required fields and defaults apply to new people only, exactly as on every other write path.
export const planRow = <E extends Existing>(staged: StagedRow, existing: E | null, ctx: PlanContext): Plan<E> => {
  if (existing && ctx.mode === 'add') return { kind: 'skip' };
  const { values, problems } = validateFieldValues(ctx.definitions, staged.fields, {
    creating: !existing,
    current: existing?.fields ?? {},
  });
  if (problems.length) {
    return {
      kind: 'error',
      problems: problems.map((p) => ({
        row: staged.row,
        column: ctx.columnOf(p.key),
        value: staged.fields[p.key] === undefined ? '' : String(staged.fields[p.key]),
        reason: `${p.key} ${p.message}`,
      })),
    };
  }
  const tagIds = [...new Set([...ctx.tagIds, ...staged.tags.map(ctx.tagIdOf)])];
  if (!existing) {
    const after = {
      documentId: ctx.newDocumentId(),
      email: staged.email,
      firstName: staged.firstName ?? null,
      lastName: staged.lastName ?? null,
      status: staged.status ?? ctx.defaultStatus,
      timeZone: staged.timeZone ?? null,
      language: staged.language ?? null,
      source: 'import',
      fields: values,
      tagIds,
    };
    return { kind: 'insert', after, ...describeChange(null, after) };
  }
  const addedTagIds = tagIds.filter((t) => !existing.tagIds.includes(t));
  const after: Existing = {
    ...existing,
    firstName: staged.firstName ?? existing.firstName,
    lastName: staged.lastName ?? existing.lastName,
    status: importedStatus(existing.status, staged.status),
    timeZone: staged.timeZone ?? existing.timeZone,
    language: staged.language ?? existing.language,
    fields: values,
    tagIds: [...existing.tagIds, ...addedTagIds],
  };
  const change = describeChange(existing, after);
  return change.events.length ? { kind: 'update', before: existing, after, addedTagIds, ...change } : { kind: 'skip' };
};
