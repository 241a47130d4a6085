// The campaign lifecycle. Every status change goes through transition(); the repository then
// applies it as a compare-and-set on the row, so two racing requests cannot both win.
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled', 'failed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export type CampaignAction = 'schedule' | 'send' | 'pause' | 'resume' | 'cancel' | 'complete' | 'fail' | 'resend-unknown';

const TRANSITIONS: Record<CampaignAction, { from: CampaignStatus[]; to: CampaignStatus; why: string }> = {
  schedule: { from: ['draft', 'scheduled'], to: 'scheduled', why: 'only a draft (or a scheduled campaign, to move it) can be scheduled' },
  send: { from: ['draft', 'scheduled'], to: 'sending', why: 'only a draft or scheduled campaign can start sending' },
  pause: { from: ['sending'], to: 'paused', why: 'only a campaign that is sending can be paused' },
  resume: { from: ['paused'], to: 'sending', why: 'only a paused campaign can be resumed' },
  cancel: { from: ['draft', 'scheduled', 'sending', 'paused'], to: 'cancelled', why: 'a finished campaign cannot be cancelled' },
  complete: { from: ['sending'], to: 'sent', why: 'only a sending campaign can complete' },
  fail: { from: ['sending'], to: 'failed', why: 'only a sending campaign can fail' },
  // After someone decided that messages with an unknown outcome were not delivered.
  'resend-unknown': {
    from: ['sent', 'paused', 'sending'],
    to: 'sending',
    why: 'unknown outcomes are resent from a sent or paused campaign',
  },
};

export type Transition = { ok: true; from: CampaignStatus[]; to: CampaignStatus } | { ok: false; reason: string };

export const isCampaignStatus = (value: unknown): value is CampaignStatus => CAMPAIGN_STATUSES.includes(value as CampaignStatus);

export const transition = (current: CampaignStatus, action: CampaignAction): Transition => {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(current)) return { ok: false, reason: `cannot ${action} a ${current} campaign: ${rule.why}` };
  return { ok: true, from: rule.from, to: rule.to };
};

// Statuses whose settings (audience, content, schedule) can still be edited.
export const isEditable = (status: CampaignStatus) => status === 'draft' || status === 'scheduled';
