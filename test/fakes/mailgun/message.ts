import { randomBytes } from 'node:crypto';
import type { FormFile, ParsedForm } from './multipart';

/** Mailgun's batch sending limit (to + cc + bcc). */
export const MAX_RECIPIENTS = 1000;

export type RecipientVariables = Record<string, Record<string, unknown>>;

/** One accepted POST /v3/:domain/messages. */
export interface FakeCall {
  /** The id Mailgun answered with, angle brackets included: `<20250101120000.9f2c...@domain>`. */
  id: string;
  domain: string;
  from: string;
  /** As sent (display names kept); comma-separated values are split like Mailgun does. */
  to: string[];
  cc: string[];
  bcc: string[];
  /** subject/html/text are '' and recipientVariables null when the fake runs with recordBodies: false. */
  subject: string;
  html: string;
  text: string;
  /** o:tag values, in order. */
  tags: string[];
  /** Other o:* options without the prefix, e.g. { tracking: 'yes' } (mailgun.js turns booleans into yes/no). */
  options: Record<string, string>;
  /** h:* headers without the prefix. */
  headers: Record<string, string>;
  /** v:* custom variables without the prefix (echoed back as user-variables in webhooks). */
  variables: Record<string, string>;
  recipientVariables: RecipientVariables | null;
  attachments: FormFile[];
  receivedAt: number;
}

/** What one `to` recipient of a call receives. */
export interface FakeDelivery {
  /** Index of the call in `calls`. */
  callId: number;
  /** The call's id (same for every recipient of a batch, as with Mailgun). */
  messageId: string;
  /** Bare address, display name stripped. */
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The call's h: headers, with %recipient.x% substituted as for the body. */
  headers: Record<string, string>;
  variables: Record<string, string>;
  recipientVariables: Record<string, unknown>;
}

export type BuildResult = { ok: true; call: FakeCall } | { ok: false; message: string };

/** Validates a parsed form the way Mailgun does and turns it into a call record. */
export function buildCall(domain: string, form: ParsedForm, recordBodies: boolean): BuildResult {
  const scalars = new Map<string, string>();
  const lists: Record<'to' | 'cc' | 'bcc', string[]> = { to: [], cc: [], bcc: [] };
  const tags: string[] = [];
  const options: Record<string, string> = {};
  const headers: Record<string, string> = {};
  const variables: Record<string, string> = {};
  for (const [name, value] of form.fields) {
    if (name === 'to' || name === 'cc' || name === 'bcc') lists[name].push(...splitAddresses(value));
    else if (name === 'o:tag') tags.push(value);
    else if (name.startsWith('o:')) options[name.slice(2)] = value;
    else if (name.startsWith('h:')) headers[name.slice(2)] = value;
    else if (name.startsWith('v:')) variables[name.slice(2)] = value;
    else scalars.set(name, value);
  }

  const from = scalars.get('from');
  const subject = scalars.get('subject');
  const html = scalars.get('html') ?? '';
  const text = scalars.get('text') ?? '';
  if (!from) return { ok: false, message: "'from' parameter is missing" };
  if (lists.to.length === 0) return { ok: false, message: "'to' parameter is missing" };
  if (!subject) return { ok: false, message: "'subject' parameter is missing" };
  if (!html && !text) return { ok: false, message: "Need at least one of 'text' or 'html' parameters specified" };
  const recipients = lists.to.length + lists.cc.length + lists.bcc.length;
  if (recipients > MAX_RECIPIENTS) {
    return { ok: false, message: `Too many recipients: ${recipients}, the maximum is ${MAX_RECIPIENTS}` };
  }
  const rawVariables = scalars.get('recipient-variables');
  const recipientVariables = rawVariables === undefined ? null : parseRecipientVariables(rawVariables);
  if (recipientVariables === undefined) {
    return { ok: false, message: "'recipient-variables' parameter is not a valid JSON object" };
  }

  return {
    ok: true,
    call: {
      id: messageId(domain),
      domain,
      from,
      ...lists,
      subject: recordBodies ? subject : '',
      html: recordBodies ? html : '',
      text: recordBodies ? text : '',
      tags,
      options,
      headers,
      variables,
      recipientVariables: recordBodies ? recipientVariables : null,
      attachments: form.files,
      receivedAt: Date.now(),
    },
  };
}

/** Expands each call into one delivery per `to` recipient with %recipient.x% substituted. */
export function expandDeliveries(calls: readonly FakeCall[]): FakeDelivery[] {
  const out: FakeDelivery[] = [];
  calls.forEach((call, callId) => {
    const byAddress = new Map(Object.entries(call.recipientVariables ?? {}).map(([address, vars]) => [address.toLowerCase(), vars]));
    const [subject, html, text] = [call.subject, call.html, call.text].map(compileTemplate);
    const headers = Object.entries(call.headers).map(([name, value]) => [name, compileTemplate(value)] as const);
    for (const entry of call.to) {
      const to = bareAddress(entry);
      const vars = byAddress.get(to.toLowerCase()) ?? {};
      out.push({
        callId,
        messageId: call.id,
        to,
        subject: subject(vars),
        html: html(vars),
        text: text(vars),
        headers: Object.fromEntries(headers.map(([name, value]) => [name, value(vars)])),
        variables: call.variables,
        recipientVariables: vars,
      });
    }
  });
  return out;
}

/** How many times each (case-insensitive, bare) `to` address was sent to, across all calls. */
export function countRecipients(calls: readonly FakeCall[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const call of calls) {
    for (const entry of call.to) {
      const address = bareAddress(entry).toLowerCase();
      counts.set(address, (counts.get(address) ?? 0) + 1);
    }
  }
  return counts;
}

export function bareAddress(entry: string): string {
  const angled = /<([^>]*)>/.exec(entry);
  return (angled ? angled[1] : entry).trim();
}

/** Splits "a@x.com, \"Doe, Jane\" <j@x.com>" on commas outside quotes and angle brackets. */
function splitAddresses(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angled = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '<' && !quoted) angled = true;
    else if (ch === '>' && !quoted) angled = false;
    else if (ch === ',' && !quoted && !angled) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** Returns undefined when the JSON is invalid or not an object of objects. */
function parseRecipientVariables(raw: string): RecipientVariables | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isPlainObject(parsed) || !Object.values(parsed).every(isPlainObject)) return undefined;
  return parsed as RecipientVariables;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Splits a body once per call so substituting per recipient is a join (a regex pass per recipient is
 * 3x slower on big batches; `+=` builds rope strings that bloat memory once retained). Unknown keys
 * stay as-is, rather than blank, so a test can spot a missing variable in the output.
 */
function compileTemplate(template: string): (vars: Record<string, unknown>) => string {
  // With a capture group, split alternates literal text and variable names: [text, key, text, ...].
  const parts = template.split(/%recipient\.([^%\s]+)%/);
  if (parts.length === 1) return () => template;
  return (vars) => {
    const out = parts.slice();
    for (let i = 1; i < parts.length; i += 2) {
      const key = parts[i];
      const value = Object.prototype.hasOwnProperty.call(vars, key) ? vars[key] : `%recipient.${key}%`;
      out[i] = typeof value === 'string' ? value : JSON.stringify(value);
    }
    return out.join('');
  };
}

/** Same shape as Mailgun's ids: <YYYYMMDDhhmmss.random@domain>. */
function messageId(domain: string): string {
  const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
  return `<${stamp}.${randomBytes(8).toString('hex')}@${domain}>`;
}
