import type { PublicField } from './form-definition';
import { isBot, readSubmission } from './form-submission';

const FIELDS: PublicField[] = [
  { key: 'firstName', label: 'First name', type: 'text', required: true, options: [], custom: false },
  { key: 'plan', label: 'Plan', type: 'select', required: true, options: ['free', 'pro'], custom: true },
  { key: 'topics', label: 'Topics', type: 'multiselect', required: false, options: ['a', 'b'], custom: true },
  { key: 'score', label: 'Score', type: 'number', required: false, options: [], custom: true },
];

describe('form submissions', () => {
  it('reads a valid url-encoded submission into stored values', () => {
    const { submission, problems } = readSubmission(FIELDS, {
      email: ' Ada@Example.TEST ',
      firstName: ' Ada ',
      fields: { plan: 'pro', topics: ['a', 'b'], score: '7' },
      consent: 'on',
    });
    expect(problems).toEqual([]);
    expect(submission).toEqual({
      email: 'ada@example.test',
      names: { firstName: 'Ada' },
      fields: { plan: 'pro', topics: ['a', 'b'], score: 7 },
      consent: true,
    });
  });

  it('names each bad input', () => {
    const { problems } = readSubmission(FIELDS, { email: 'nope', fields: { plan: 'gold', score: 'x', shoe: '42' } });
    expect(problems.map((p) => `${p.path.join('.')} ${p.message}`)).toEqual([
      'email is not a valid email address (got "nope")',
      'firstName is required',
      'fields.plan must be one of free, pro',
      'fields.score must be a number (got "x")',
      'fields.shoe is not on this form',
      'consent must be ticked to subscribe',
    ]);
  });

  it('spots a filled honeypot', () => {
    expect(isBot({ website: 'http://spam.test' })).toBe(true);
    expect(isBot({ website: '' })).toBe(false);
    expect(isBot({})).toBe(false);
  });
});
