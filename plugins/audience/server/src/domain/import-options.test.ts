import type { FieldDefinition } from './field-values';
import { parseSettings, parseStart } from './import-options';

const definitions: FieldDefinition[] = [{ key: 'plan', label: 'Plan', type: 'text', required: false }];
const headers = ['email', 'plan'];

describe('parseSettings', () => {
  it('takes the admin choice over the detected settings, and names bad ones', () => {
    const detected = { encoding: 'utf-8' as const, delimiter: ',' as const };
    expect(parseSettings({}, detected)).toEqual(detected);
    expect(parseSettings({ delimiter: ';', encoding: 'latin1' }, detected)).toEqual({ encoding: 'latin1', delimiter: ';' });
    expect(parseSettings({ delimiter: '::', encoding: 'klingon' }, detected)).toEqual({
      problems: [
        'encoding must be one of utf-8, utf-16le, utf-16be, windows-1252, latin1',
        'delimiter must be one of ",", ";", "\\t", "|"',
      ],
    });
  });
});

describe('parseStart', () => {
  it('fills in the status from the consent basis and tidies the tags', () => {
    expect(
      parseStart(
        { mapping: ['email', 'fields.plan'], mode: 'add', consentBasis: 'none', tags: [' Fair 2026 ', 'Fair 2026'] },
        headers,
        definitions
      )
    ).toEqual({
      options: { mapping: ['email', 'fields.plan'], mode: 'add', consentBasis: 'none', status: 'unconfirmed', tags: ['Fair 2026'] },
    });
    expect(parseStart({ mapping: ['email', null], mode: 'upsert', consentBasis: 'contract' }, headers, definitions)).toMatchObject({
      options: { status: 'active', tags: [] },
    });
  });

  it('names every problem at once', () => {
    expect(
      parseStart({ mapping: ['email', null], mode: 'merge', consentBasis: 'none', status: 'active', tags: 'VIP' }, headers, definitions)
    ).toEqual({
      problems: [
        'mode must be one of add, upsert',
        'status active needs a consentBasis other than none',
        'tags must be a list of at most 20 tag documentIds or names (1 to 100 characters)',
      ],
    });
    expect(parseStart({ mapping: ['email', null], mode: 'add', consentBasis: 'consent', status: 'gone' }, headers, definitions)).toEqual({
      problems: ['status must be one of unconfirmed, active, unsubscribed, bounced, complained, blocked'],
    });
  });
});
