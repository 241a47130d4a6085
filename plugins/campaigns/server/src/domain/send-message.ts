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
export const messageIdFor = (envelope: Envelope, sendId: number): string => `<${sendId}.${envelope.campaignId}@${domainOf(envelope.from)}>`;

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

// Per-recipient header values ride in recipient-variables under x_* names next to the content's.
export const batchMessage = (
  envelope: Envelope,
  parts: Rendered,
  people: Array<Personal & { variables: Record<string, string> }>
): MailBatch => {
  const recipients: BatchRecipient[] = people.map((p) => ({
    address: p.address,
    variables: {
      ...p.variables,
      x_unsubscribe: p.unsubscribeUrl,
      x_send: String(p.sendId),
      x_message_id: messageIdFor(envelope, p.sendId),
    },
  }));
  return {
    ...common(envelope),
    ...parts,
    recipients,
    headers: unsubscribeHeaders(envelope, '%recipient.x_unsubscribe%', '%recipient.x_send%', '%recipient.x_message_id%'),
    variables: { campaign: envelope.campaignId, send: '%recipient.x_send%' },
  };
};
