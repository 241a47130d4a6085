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
const compact = (texts: Record<string, string>, vars: Array<Record<string, string>>): Record<string, string> => {
  const names = Object.keys(vars[0] ?? {}).filter((name) => !WHOLE.has(name));
  const prefixes = new Map<string, string>();
  for (const name of names) {
    const prefix = commonPrefix(vars.map((v) => v[name]));
    if (prefix.length < MIN_PREFIX || prefix.includes('%')) continue;
    prefixes.set(name, prefix);
    for (const v of vars) v[name] = v[name].slice(prefix.length);
  }
  const same = (a: string, b: string) => vars.every((v) => v[a] === v[b]);
  const folded = new Set<string>();
  const replacements = new Map<string, string>();
  for (const [i, name] of names.entries()) {
    const prefix = prefixes.get(name) ?? '';
    const first = vars[0][name];
    const kept = names.slice(0, i).find((other) => !folded.has(other) && same(name, other));
    if (kept || (!first.includes('%') && vars.every((v) => v[name] === first))) {
      replacements.set(name, prefix + (kept ? `%recipient.${kept}%` : first));
      folded.add(name);
    } else if (prefix) replacements.set(name, `${prefix}%recipient.${name}%`);
  }
  if (folded.size > 0) {
    // Rebuilt rather than `delete`d: deleting keys turns each object into a slow dictionary.
    const kept = Object.keys(vars[0]).filter((name) => !folded.has(name));
    for (let i = 0; i < vars.length; i++) {
      const v: Record<string, string> = {};
      for (const name of kept) v[name] = vars[i][name];
      vars[i] = v;
    }
  }
  const apply = (text: string) => text.replace(/%recipient\.(\w+)%/g, (whole, name: string) => replacements.get(name) ?? whole);
  return Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, apply(text)]));
};

// Per-recipient header values ride in recipient-variables under x_* names next to the content's.
export const batchMessage = (
  envelope: Envelope,
  parts: Rendered,
  people: Array<Personal & { variables: Record<string, string> }>
): MailBatch => {
  const variables: Array<Record<string, string>> = people.map((p) => ({
    x_unsubscribe: p.unsubscribeUrl,
    ...p.variables,
    x_send: String(p.sendId),
  }));
  const headers = unsubscribeHeaders(
    envelope,
    '%recipient.x_unsubscribe%',
    '%recipient.x_send%',
    messageIdFor(envelope, '%recipient.x_send%')
  );
  const { subject, html, text, ...compacted } = compact({ ...parts, ...headers }, variables);
  const recipients: BatchRecipient[] = people.map((p, i) => ({ address: p.address, variables: variables[i] }));
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
