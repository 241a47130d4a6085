import { isEditable, type CampaignStatus } from './campaign-status';

// Fields only the send pipeline writes (through the status machine's compare-and-set); a person
// changes them with the campaign actions, never by editing the campaign.
export const PIPELINE_FIELDS = ['status', 'statusReason', 'startsAt', 'startedAt', 'resumedAt', 'preparedAt', 'sentAt'] as const;
type PipelineField = (typeof PIPELINE_FIELDS)[number];
export type PipelineState = Partial<Record<PipelineField, unknown>>;

// What a new campaign (or a copy of one) starts with.
export const NEW_CAMPAIGN: PipelineState = {
  status: 'draft',
  statusReason: null,
  startsAt: null,
  startedAt: null,
  resumedAt: null,
  preparedAt: null,
  sentAt: null,
};

// Forms send every field back unchanged, so only a value that differs counts as a write.
const same = (a: unknown, b: unknown): boolean => {
  const norm = (v: unknown) => (v === undefined || v === '' ? null : v);
  const [x, y] = [norm(a), norm(b)];
  if (x === null || y === null) return x === y;
  const time = (v: unknown) => (v instanceof Date ? v.getTime() : new Date(String(v)).getTime());
  if (x instanceof Date || y instanceof Date || /^\d{4}-\d\d-\d\dT/.test(String(x))) return time(x) === time(y);
  return String(x) === String(y);
};

// Why a write is refused, or null when it may go ahead. `current` is null for a new campaign.
export const refusal = (data: Record<string, unknown>, current: PipelineState | null): string | null => {
  const status = (current?.status ?? 'draft') as CampaignStatus;
  if (current && !isEditable(status)) return `a ${status} campaign cannot be edited; duplicate it`;
  const changed = PIPELINE_FIELDS.filter((field) => field in data && !same(data[field], (current ?? NEW_CAMPAIGN)[field]));
  if (changed.length === 0) return null;
  return `${changed.join(', ')} ${changed.length === 1 ? 'is' : 'are'} set by the send pipeline: use the campaign actions (send, schedule, pause, resume, cancel)`;
};
