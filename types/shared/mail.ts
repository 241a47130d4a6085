// The mail transport contract: Mailgun in production, the local outbox without a key.
export interface MailMessage {
  from: string;
  to: string | string[];
  replyTo?: string;
  subject: string;
  html?: string;
  text?: string;
  // Extra MIME headers (List-Unsubscribe, Message-ID, ...), without Mailgun's "h:" prefix.
  headers?: Record<string, string>;
  // Up to 3, for analytics at the provider.
  tags?: string[];
  // Opaque ids only: recipients can see them.
  variables?: Record<string, string>;
  // Turn the provider's own open/click tracking off when Herald tracks itself.
  providerTracking?: boolean;
}

export interface BatchRecipient {
  address: string;
  // Substituted into %recipient.<name>% in subject, html, text and headers.
  variables: Record<string, string | number>;
}

export interface MailBatch extends Omit<MailMessage, 'to'> {
  recipients: BatchRecipient[];
}

export interface SendResult {
  id: string;
  accepted: number;
}

export type MailErrorKind =
  | 'retryable' // 5xx or timeout before the provider took it: safe to retry
  | 'rate-limited' // 429: slow down, do not spend an attempt
  | 'rejected' // other 4xx: this message will never be accepted
  | 'unknown-outcome'; // the connection died after sending: the provider may have accepted it

export interface MailTransport {
  readonly name: 'mailgun' | 'outbox';
  send(message: MailMessage): Promise<SendResult>;
  sendBatch(batch: MailBatch): Promise<SendResult>;
}

export const MAX_BATCH_RECIPIENTS = 1000;
