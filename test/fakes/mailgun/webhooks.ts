import { createHmac, randomBytes } from 'node:crypto';
import FormData from 'form-data';
import { post, type PostResult } from '../http';

export interface MailgunWebhookEvent {
  /** delivered, failed, opened, clicked, complained, unsubscribed, ... */
  event: string;
  recipient: string;
  /** 'permanent' | 'temporary' for failed events. */
  severity?: string;
  reason?: string;
  /** With or without angle brackets; sent without them, as Mailgun does in webhooks. */
  messageId?: string;
  userVariables?: Record<string, string>;
  tags?: string[];
  deliveryStatus?: object;
  /** Event time in unix seconds (may be fractional); defaults to now. */
  timestamp?: number;
  id?: string;
}

export interface SigningOptions {
  /** Overrides the fake's signing key. */
  signingKey?: string;
  /** Sends a signature that will not verify. */
  badSignature?: boolean;
  /** Signature timestamp in unix seconds, e.g. an old one to test replay windows. */
  timestamp?: number;
  /** Fixed token, e.g. to test token-reuse rejection. */
  token?: string;
}

export interface InboundMessage {
  sender: string;
  recipient: string;
  subject: string;
  strippedText: string;
  /** Raw header values; angle brackets are added when missing. */
  messageId: string;
  inReplyTo?: string;
  /** Space-separated message ids, as in the raw header. */
  references?: string;
  /** Defaults to strippedText. */
  bodyPlain?: string;
}

export interface MailgunSignature {
  timestamp: string;
  token: string;
  signature: string;
}

/** Mailgun's scheme: hex HMAC-SHA256 of timestamp + token, keyed with the webhook signing key. */
export function sign(defaultKey: string, opts: SigningOptions = {}): MailgunSignature {
  const timestamp = String(Math.floor(opts.timestamp ?? Date.now() / 1000));
  const token = opts.token ?? randomBytes(25).toString('hex');
  const key = opts.signingKey ?? defaultKey;
  const signature = createHmac('sha256', opts.badSignature ? `${key}-wrong` : key)
    .update(timestamp + token)
    .digest('hex');
  return { timestamp, token, signature };
}

/** POSTs a JSON webhook shaped like Mailgun's (signature + event-data). */
export function fireWebhook(targetUrl: string, event: MailgunWebhookEvent, defaultKey: string, opts?: SigningOptions): Promise<PostResult> {
  const eventData: Record<string, unknown> = {
    event: event.event,
    timestamp: event.timestamp ?? Date.now() / 1000,
    id: event.id ?? randomBytes(16).toString('base64url'),
    'log-level': logLevel(event),
    recipient: event.recipient,
    'recipient-domain': event.recipient.split('@')[1] ?? '',
    message: { headers: event.messageId ? { 'message-id': event.messageId.replace(/^<|>$/g, '') } : {} },
    'user-variables': event.userVariables ?? {},
    tags: event.tags ?? [],
  };
  if (event.severity !== undefined) eventData.severity = event.severity;
  if (event.reason !== undefined) eventData.reason = event.reason;
  if (event.deliveryStatus !== undefined) eventData['delivery-status'] = event.deliveryStatus;
  const body = JSON.stringify({ signature: sign(defaultKey, opts), 'event-data': eventData });
  return post(targetUrl, { 'content-type': 'application/json', 'user-agent': 'mailgun/fake' }, body);
}

/** POSTs a multipart form like a Mailgun route's forward() action delivering an inbound reply. */
export function fireInbound(targetUrl: string, message: InboundMessage, defaultKey: string, opts?: SigningOptions): Promise<PostResult> {
  const messageId = angled(message.messageId);
  const headers: Array<[string, string]> = [
    ['From', message.sender],
    ['To', message.recipient],
    ['Subject', message.subject],
    ['Message-Id', messageId],
  ];
  if (message.inReplyTo) headers.push(['In-Reply-To', angled(message.inReplyTo)]);
  if (message.references) headers.push(['References', message.references]);

  const form = new FormData();
  const fields: Array<[string, string]> = [
    ['recipient', message.recipient],
    ['sender', message.sender],
    ['from', message.sender],
    ['subject', message.subject],
    ['body-plain', message.bodyPlain ?? message.strippedText],
    ['stripped-text', message.strippedText],
    ['stripped-signature', ''],
    ['message-headers', JSON.stringify(headers)],
    ...headers,
    ...Object.entries(sign(defaultKey, opts)),
  ];
  for (const [name, value] of fields) form.append(name, value);
  return post(targetUrl, form.getHeaders({ 'user-agent': 'mailgun/fake' }), form.getBuffer());
}

function angled(id: string): string {
  return id.startsWith('<') ? id : `<${id}>`;
}

function logLevel(event: MailgunWebhookEvent): string {
  if (event.event !== 'failed') return 'info';
  return event.severity === 'temporary' ? 'warn' : 'error';
}
