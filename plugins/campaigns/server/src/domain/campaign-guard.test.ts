import { refusal } from './campaign-guard';

describe('campaign write guard', () => {
  it('lets a new campaign start as a draft, with or without the defaults spelled out', () => {
    expect(refusal({ name: 'a' }, null)).toBeNull();
    expect(refusal({ name: 'a', status: 'draft', sentAt: null, statusReason: '' }, null)).toBeNull();
  });

  it('refuses a new campaign that claims to be sent', () => {
    expect(refusal({ status: 'sent', sentAt: '2030-01-01T00:00:00.000Z' }, null)).toMatch(/^status, sentAt are set by the send pipeline/);
  });

  it('accepts pipeline fields sent back unchanged, dates in any form', () => {
    const at = new Date('2030-01-01T10:00:00Z');
    expect(
      refusal({ subject: 'x', status: 'scheduled', startsAt: '2030-01-01T10:00:00.000Z' }, { status: 'scheduled', startsAt: at })
    ).toBeNull();
  });

  it('refuses a status change on a draft', () => {
    expect(refusal({ status: 'sent' }, { status: 'draft' })).toMatch(/^status is set by the send pipeline/);
  });

  it('refuses any edit of a campaign that is sending or sent', () => {
    expect(refusal({ subject: 'x' }, { status: 'sent' })).toBe('a sent campaign cannot be edited; duplicate it');
    expect(refusal({ name: 'x' }, { status: 'sending' })).toBe('a sending campaign cannot be edited; duplicate it');
  });
});
