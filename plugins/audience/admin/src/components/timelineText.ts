// One line per timeline entry, in words: what happened to the subscriber. Entries other plugins add
// later and this list does not know yet show their type.
export type TimelineEntry = { type: string; data: Record<string, unknown> };

const list = (value: unknown) => (Array.isArray(value) ? value.join(', ') : '');
const count = (value: unknown, one: string) => {
  const n = Array.isArray(value) ? value.length : 0;
  return `${n} ${one}${n === 1 ? '' : 's'}`;
};

export const timelineText = ({ type, data }: TimelineEntry): string => {
  switch (type) {
    case 'created':
      return `Added${data.source ? ` (${data.source})` : ''}${Array.isArray(data.tagIds) && data.tagIds.length ? ` with ${count(data.tagIds, 'tag')}` : ''}`;
    case 'updated':
      return `Changed ${list(data.changed)}`;
    case 'tagged':
      return `Tagged (${count(data.tagIds, 'tag')})`;
    case 'untagged':
      return `Untagged (${count(data.tagIds, 'tag')})`;
    case 'email-sent':
      return `Sent “${data.campaignName}”`;
    case 'email-failed':
      return `Not sent “${data.campaignName}”: ${data.reason}`;
    default:
      return type;
  }
};
