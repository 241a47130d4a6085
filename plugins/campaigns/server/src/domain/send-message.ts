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

// Content variables that add nothing to a batch's recipient-variables are folded into its parts:
// one with the same value for every recipient is written into the text (unless the value could
// itself read as a substitution), and one equal for every recipient to an earlier variable (the
// same link, HTML-escaped or not) is replaced by that one. Mailgun's output is unchanged; the
// request, and the JSON built and parsed for it, shrink by the links repeated in every part.
const compact = (parts: Rendered, vars: Array<Record<string, string>>): Rendered => {
  const names = Object.keys(vars[0] ?? {});
  const same = (a: string, b: string) => vars.every((v) => v[a] === v[b]);
  const replacements = new Map<string, string>();
  for (const [i, name] of names.entries()) {
    if (!name.startsWith('v')) continue;
    const first = vars[0][name];
    const kept = names.slice(0, i).find((other) => !replacements.has(other) && same(name, other));
    if (kept) replacements.set(name, `%recipient.${kept}%`);
    else if (!first.includes('%') && vars.every((v) => v[name] === first)) replacements.set(name, first);
  }
  if (replacements.size === 0) return parts;
  for (const v of vars) for (const name of replacements.keys()) delete v[name];
  const apply = (text: string) => text.replace(/%recipient\.(v\d+)%/g, (whole, name: string) => replacements.get(name) ?? whole);
  return { subject: apply(parts.subject), html: apply(parts.html), text: apply(parts.text) };
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
  const recipients: BatchRecipient[] = people.map((p, i) => ({ address: p.address, variables: variables[i] }));
  return {
    ...common(envelope),
    ...compact(parts, variables),
    recipients,
    headers: unsubscribeHeaders(envelope, '%recipient.x_unsubscribe%', '%recipient.x_send%', messageIdFor(envelope, '%recipient.x_send%')),
    variables: { campaign: envelope.campaignId, send: '%recipient.x_send%' },
  };
};
