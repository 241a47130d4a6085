import type { BatchRecipient, MailBatch, MailMessage } from '../../../../../types/shared/mail';
import type { Rendered } from './send-plan';

// What every campaign message carries besides its content, and how a claimed group of ledger rows
// becomes one Mailgun batch call or one call per recipient. Only opaque ids go in variables.
export interface Envelope {
  campaignId: string;
  from: string;
  fromName: string;
  replyTo?: string;
}

export interface Personal {
  sendId: number; // the ledger row id
  address: string;
  unsubscribeUrl: string;
}

export const domainOf = (address: string): string => /@([^>\s]+)>?$/.exec(address)?.[1] ?? 'localhost';

// Stable per ledger row: a retry of the same row carries the same Message-ID, so a receiver that
// deduplicates on it drops a copy rather than showing it twice.
// In a batch, `sendId` is the %recipient.x_send% substitution.
export const messageIdFor = (envelope: Envelope, sendId: number | string): string =>
  `<${sendId}.${envelope.campaignId}@${domainOf(envelope.from)}>`;

const unsubscribeHeaders = (envelope: Envelope, url: string, sendId: string, messageId: string): Record<string, string> => ({
  'List-Unsubscribe': `<${url}>, <mailto:unsubscribe@${domainOf(envelope.from)}?subject=unsubscribe-${sendId}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  'List-ID': `${JSON.stringify(envelope.fromName)} <campaigns.${domainOf(envelope.from)}>`,
  'Message-Id': messageId,
});

const common = (envelope: Envelope) => ({
  from: envelope.fromName ? `${JSON.stringify(envelope.fromName)} <${envelope.from}>` : envelope.from,
  ...(envelope.replyTo ? { replyTo: envelope.replyTo } : {}),
  tags: [`campaign-${envelope.campaignId}`],
  providerTracking: false,
});

export const singleMessage = (envelope: Envelope, person: Personal, content: Rendered): MailMessage => ({
  ...common(envelope),
  to: person.address,
  ...content,
  headers: unsubscribeHeaders(envelope, person.unsubscribeUrl, String(person.sendId), messageIdFor(envelope, person.sendId)),
  variables: { campaign: envelope.campaignId, send: String(person.sendId) },
});

// x_send travels whole: it is Mailgun's v:send and part of the Message-ID.
const WHOLE = new Set(['x_send']);
// Shorter shared beginnings are left in place: moving them saves too little.
const MIN_PREFIX = 8;

// Values mostly share the prefix found so far, and a native startsWith settles those.
const commonPrefix = (values: string[]): string => {
  let prefix = values[0];
  for (const value of values) {
    if (value.startsWith(prefix)) continue;
    let i = 0;
    while (i < prefix.length && value.charCodeAt(i) === prefix.charCodeAt(i)) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
};

// Recipient-variables hold only what differs between recipients. What every recipient's value of a
// variable begins with (a link up to its token) is written into the texts before the variable; a
// variable left equal for every recipient to an earlier one (the unsubscribe and preferences links
// share their token) is replaced by that one; one with the same value for everybody is written in
// whole. Nothing moves that holds a '%', which could read as a substitution. Mailgun's output is
// unchanged; the request, and the JSON built and parsed for it, shrink to about the tokens.
// Variables are judged as columns (a name and every recipient's value); those kept come back as
// columns too, so each recipient's object is built once, after.
type Column = { name: string; values: string[] };

const compact = (texts: Record<string, string>, columns: Column[]): { texts: Record<string, string>; kept: Column[] } => {
  const prefixes = new Map<string, string>();
  for (const column of columns) {
    if (WHOLE.has(column.name)) continue;
    const prefix = commonPrefix(column.values);
    if (prefix.length < MIN_PREFIX || prefix.includes('%')) continue;
    prefixes.set(column.name, prefix);
    column.values = column.values.map((value) => value.slice(prefix.length));
  }
  const same = (a: string[], b: string[]) => a.every((value, i) => value === b[i]);
  const kept: Column[] = [];
  const replacements = new Map<string, string>();
  for (const column of columns) {
    const { name, values } = column;
    if (WHOLE.has(name)) {
      kept.push(column);
      continue;
    }
    const prefix = prefixes.get(name) ?? '';
    const earlier = kept.find((other) => !WHOLE.has(other.name) && same(values, other.values));
    if (earlier || (!values[0].includes('%') && values.every((value) => value === values[0]))) {
      replacements.set(name, prefix + (earlier ? `%recipient.${earlier.name}%` : values[0]));
      continue;
    }
    if (prefix) replacements.set(name, `${prefix}%recipient.${name}%`);
    kept.push(column);
  }
  const apply = (text: string) => text.replace(/%recipient\.(\w+)%/g, (whole, name: string) => replacements.get(name) ?? whole);
  return { texts: Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, apply(text)])), kept };
};

// Per-recipient header values ride in recipient-variables under x_* names next to the content's.
export const batchMessage = (
  envelope: Envelope,
  parts: Rendered,
  people: Array<Personal & { variables: Record<string, string> }>
): MailBatch => {
  const columns: Column[] = [
    { name: 'x_unsubscribe', values: people.map((p) => p.unsubscribeUrl) },
    ...Object.keys(people[0]?.variables ?? {}).map((name) => ({ name, values: people.map((p) => p.variables[name]) })),
    { name: 'x_send', values: people.map((p) => String(p.sendId)) },
  ];
  const headers = unsubscribeHeaders(
    envelope,
    '%recipient.x_unsubscribe%',
    '%recipient.x_send%',
    messageIdFor(envelope, '%recipient.x_send%')
  );
  const { texts, kept } = compact({ ...parts, ...headers }, columns);
  const { subject, html, text, ...compacted } = texts;
  const recipients: BatchRecipient[] = people.map((p, i) => {
    const variables: Record<string, string> = {};
    for (const column of kept) variables[column.name] = column.values[i];
    return { address: p.address, variables };
  });
  return {
    ...common(envelope),
    subject,
    html,
    text,
    recipients,
    headers: compacted,
    variables: { campaign: envelope.campaignId, send: '%recipient.x_send%' },
  };
};
