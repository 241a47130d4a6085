// What the campaign pages share: where campaigns live, their shape, and which actions each status allows
// (mirroring the server's status machine, which has the last word and answers 409 otherwise).
export const CAMPAIGNS = '/content-manager/collection-types/plugin::campaigns.campaign';
export const actionUrl = (documentId: string, action: string) => `/campaigns/campaigns/${documentId}/${action}`;

export type Status = 'draft' | 'scheduled' | 'sending' | 'paused' | 'sent' | 'cancelled' | 'failed';

export type Audience = {
  all: boolean;
  include: { segments: string[]; tags: string[] };
  exclude: { segments: string[]; tags: string[] };
};

export type Schedule = { mode: 'now' } | { mode: 'at'; at: string; zone: string } | { mode: 'local'; time: string; defaultZone: string };

export type Campaign = {
  documentId: string;
  name: string;
  subject: string;
  preheader: string | null;
  fromName: string;
  fromAddress: string;
  replyTo: string | null;
  audience: Audience | null;
  schedule: Schedule | null;
};

export type Progress = {
  status: Status;
  reason: string | null;
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  unknown: number;
  remaining: number;
  ratePerMinute: number;
};

export const EMPTY_AUDIENCE: Audience = { all: false, include: { segments: [], tags: [] }, exclude: { segments: [], tags: [] } };

export type Action = 'send' | 'schedule' | 'pause' | 'resume' | 'cancel' | 'duplicate';

const ALLOWED: Record<Action, Status[]> = {
  send: ['draft', 'scheduled'],
  schedule: ['draft', 'scheduled'],
  pause: ['sending'],
  resume: ['paused'],
  cancel: ['draft', 'scheduled', 'sending', 'paused'],
  duplicate: ['draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled', 'failed'],
};

export const allows = (status: Status, action: Action) => ALLOWED[action].includes(status);
export const isEditable = (status: Status) => status === 'draft' || status === 'scheduled';
