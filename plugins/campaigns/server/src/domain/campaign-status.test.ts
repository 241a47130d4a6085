import { CAMPAIGN_STATUSES, transition, type CampaignAction } from './campaign-status';

describe('campaign status machine', () => {
  it('walks the happy path draft -> scheduled -> sending -> sent', () => {
    expect(transition('draft', 'schedule')).toMatchObject({ ok: true, to: 'scheduled' });
    expect(transition('scheduled', 'send')).toMatchObject({ ok: true, to: 'sending' });
    expect(transition('sending', 'complete')).toMatchObject({ ok: true, to: 'sent' });
  });

  it('pauses and resumes only a sending campaign', () => {
    expect(transition('sending', 'pause')).toMatchObject({ ok: true, to: 'paused' });
    expect(transition('paused', 'resume')).toMatchObject({ ok: true, to: 'sending' });
    expect(transition('draft', 'pause')).toEqual({ ok: false, reason: expect.stringMatching(/cannot pause a draft campaign/) });
    expect(transition('sending', 'resume')).toMatchObject({ ok: false });
  });

  it('never leaves a terminal status except to resend unknown outcomes of a sent campaign', () => {
    const actions: CampaignAction[] = ['schedule', 'send', 'pause', 'resume', 'cancel', 'complete', 'fail'];
    for (const terminal of ['sent', 'cancelled', 'failed'] as const) {
      for (const action of actions) expect(transition(terminal, action).ok).toBe(false);
    }
    expect(transition('sent', 'resend-unknown')).toMatchObject({ ok: true, to: 'sending' });
    expect(transition('cancelled', 'resend-unknown').ok).toBe(false);
  });

  it('explains every refusal', () => {
    for (const status of CAMPAIGN_STATUSES) {
      const result = transition(status, 'send');
      if (!result.ok) expect(result.reason).toContain(`a ${status} campaign`);
    }
  });
});
