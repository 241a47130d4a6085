import type { FieldDefinition } from './field-values';
import { defaultStatusFor, importedStatus, planRow, type Existing, type PlanContext } from './import-plan';

const definitions: FieldDefinition[] = [
  { key: 'plan', label: 'Plan', type: 'select', required: true, options: ['free', 'pro'], defaultValue: 'free' },
  { key: 'company', label: 'Company', type: 'text', required: false },
];
const tags: Record<string, number> = { VIP: 1, news: 2, Imported: 9 };
const context = (overrides: Partial<PlanContext> = {}): PlanContext => ({
  mode: 'upsert',
  definitions,
  defaultStatus: 'active',
  tagIds: [9],
  tagIdOf: (name) => tags[name],
  columnOf: (key) => `column ${key}`,
  newDocumentId: () => 'newdocumentid0000000000x',
  ...overrides,
});
const existing: Existing = {
  id: 5,
  documentId: 'existingdocument00000000',
  email: 'ada@x.test',
  firstName: 'Ada',
  lastName: null,
  status: 'unconfirmed',
  timeZone: null,
  language: null,
  source: 'form',
  fields: { plan: 'free' },
  tagIds: [1],
};

describe('planRow', () => {
  it('creates a new subscriber with defaults, the import tags first, and the events of a creation', () => {
    const plan = planRow({ row: 2, email: 'new@x.test', firstName: 'Nu', fields: {}, tags: ['VIP'] }, null, context());
    expect(plan).toMatchObject({
      kind: 'insert',
      after: {
        documentId: 'newdocumentid0000000000x',
        email: 'new@x.test',
        status: 'active',
        source: 'import',
        fields: { plan: 'free' },
        tagIds: [9, 1],
      },
    });
    if (plan.kind !== 'insert') throw new Error(plan.kind);
    expect(plan.events.map((e) => [e.type, e.payload])).toEqual([
      ['subscriber.created', { subscriberId: 'newdocumentid0000000000x', email: 'new@x.test', source: 'import', tags: ['9', '1'] }],
    ]);
    expect(plan.timeline.map((t) => t.type)).toEqual(['created']);
  });

  it('refuses to create a subscriber without a required field, naming the column it came from', () => {
    const required = definitions.map((d) => (d.key === 'company' ? { ...d, required: true } : d));
    expect(planRow({ row: 3, email: 'new@x.test', fields: {}, tags: [] }, null, context({ definitions: required }))).toEqual({
      kind: 'error',
      problems: [{ row: 3, column: 'column company', value: '', reason: 'company is required' }],
    });
  });

  it('leaves existing subscribers alone when adding new ones only', () => {
    expect(planRow({ row: 2, email: 'ada@x.test', firstName: 'Other', fields: {}, tags: [] }, existing, context({ mode: 'add' }))).toEqual({
      kind: 'skip',
    });
  });

  it('updates what the row has, adds only new tags, and reports the change', () => {
    const plan = planRow(
      { row: 2, email: 'ada@x.test', lastName: 'Lovelace', status: 'active', fields: { company: 'Analytical' }, tags: ['VIP', 'news'] },
      existing,
      context()
    );
    expect(plan).toMatchObject({
      kind: 'update',
      after: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        status: 'active',
        fields: { plan: 'free', company: 'Analytical' },
        tagIds: [1, 9, 2],
      },
      addedTagIds: [9, 2],
    });
    if (plan.kind !== 'update') throw new Error(plan.kind);
    expect(plan.events.map((e) => e.type)).toEqual(['subscriber.updated', 'subscriber.confirmed', 'subscriber.tagged']);
    expect(plan.events[0].payload).toEqual({ subscriberId: existing.documentId, changed: ['lastName', 'status', 'fields.company'] });
  });

  it('skips a row that changes nothing', () => {
    expect(
      planRow({ row: 2, email: 'ada@x.test', firstName: 'Ada', fields: { plan: 'free' }, tags: [] }, existing, context({ tagIds: [] }))
    ).toEqual({
      kind: 'skip',
    });
  });
});

describe('statuses', () => {
  it('never brings back someone who opted out or cannot be mailed, but records a new opt-out', () => {
    expect(importedStatus('unsubscribed', 'active')).toBe('unsubscribed');
    expect(importedStatus('bounced', 'unconfirmed')).toBe('bounced');
    expect(importedStatus('complained', 'unsubscribed')).toBe('unsubscribed');
    expect(importedStatus('active', 'unsubscribed')).toBe('unsubscribed');
    expect(importedStatus('unconfirmed', 'active')).toBe('active');
    expect(importedStatus('active', undefined)).toBe('active');
  });

  it('makes new people active only with a consent basis', () => {
    expect(defaultStatusFor('consent')).toBe('active');
    expect(defaultStatusFor('legitimate-interest')).toBe('active');
    expect(defaultStatusFor('none')).toBe('unconfirmed');
  });
});
