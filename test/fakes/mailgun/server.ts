import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import { applyFault, describeFault, FaultQueue, type FaultSpec } from '../faults';
import { drain, listen, resetConnection, sendJson, type PostResult } from '../http';
import { bareAddress, buildCall, countRecipients, expandDeliveries, type FakeCall, type FakeDelivery } from './message';
import { FormError, parseForm } from './multipart';
import { fireInbound, fireWebhook, type InboundMessage, type MailgunWebhookEvent, type SigningOptions } from './webhooks';

export interface FakeMailgunOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 'key-fake'; always checked as HTTP basic auth api:<apiKey>. */
  apiKey?: string;
  /** Webhook signing key used by fireWebhook/fireInbound; default 'signing-key-fake'. */
  signingKey?: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default true. false keeps recipients/tags/headers but drops subject/html/text, recipient-variables and attachment data, for benchmarks. */
  recordBodies?: boolean;
  /** Receives a one-line summary of every request (used by the CLI). */
  log?: (line: string) => void;
}

export interface FakeMailgun {
  /** e.g. http://127.0.0.1:54321, to pass as the mailgun.js `url`. */
  url: string;
  apiKey: string;
  signingKey: string;
  /** Accepted calls in arrival order; the same array for the fake's lifetime (reset() empties it in place). */
  readonly calls: FakeCall[];
  deliveries(): FakeDelivery[];
  recipientCounts(): Map<string, number>;
  /** Queues a fault for POST /v3/:domain/messages (checked before auth, like a failing load balancer). */
  fault(spec: FaultSpec): void;
  /** Answers 400 (as Mailgun does for an invalid address) to every call with this address among its recipients, until cleared. */
  rejectAddress(address: string, message?: string): void;
  /** Clears queued faults and rejected addresses. */
  clearFaults(): void;
  /** Clears recorded calls, queued faults and rejected addresses. */
  reset(): void;
  fireWebhook(targetUrl: string, event: MailgunWebhookEvent, opts?: SigningOptions): Promise<PostResult>;
  fireInbound(targetUrl: string, message: InboundMessage, opts?: SigningOptions): Promise<PostResult>;
  close(): Promise<void>;
}

const MESSAGES_PATH = /^\/v3\/([^/?]+)\/messages\/?(?:\?|$)/;

const errorBody = (status: number): object => ({ message: STATUS_CODES[status] ?? 'Error' });

export async function startFakeMailgun(opts: FakeMailgunOptions = {}): Promise<FakeMailgun> {
  const apiKey = opts.apiKey ?? 'key-fake';
  const signingKey = opts.signingKey ?? 'signing-key-fake';
  const recordBodies = opts.recordBodies ?? true;
  const log = opts.log ?? (() => undefined);
  const expectedAuth = `Basic ${Buffer.from(`api:${apiKey}`).toString('base64')}`;
  const calls: FakeCall[] = [];
  const faults = new FaultQueue();
  const rejected = new Map<string, string>(); // lower-cased address -> error message

  const reject = async (req: IncomingMessage, res: ServerResponse, status: number, message: string) => {
    await drain(req);
    sendJson(res, status, { message });
    log(`${req.method} ${req.url} -> ${status} ${message}`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const route = req.method === 'POST' ? MESSAGES_PATH.exec(req.url ?? '') : null;
    if (!route) return reject(req, res, 404, 'Not Found');

    // Faults come before auth: they stand for the infrastructure in front of Mailgun's API.
    const fault = faults.next();
    if (await applyFault(fault, req, res, { delay: server.delay, errorBody })) {
      log(`${req.method} ${req.url} -> fault ${describeFault(fault)}`);
      return;
    }
    if (req.headers.authorization !== expectedAuth) return reject(req, res, 401, 'Invalid private key');

    let result: ReturnType<typeof buildCall>;
    try {
      result = buildCall(decodeURIComponent(route[1]), await parseForm(req, recordBodies), recordBodies);
    } catch (err) {
      if (err instanceof FormError) return reject(req, res, 400, err.message);
      throw err;
    }
    if (!result.ok) return reject(req, res, 400, result.message);

    const { call } = result;
    // Mailgun refuses the whole call when one address is invalid: nobody in it is sent to.
    const refusal = rejected.size
      ? [...call.to, ...call.cc, ...call.bcc].map((a) => rejected.get(bareAddress(a).toLowerCase())).find(Boolean)
      : undefined;
    if (refusal) return reject(req, res, 400, refusal);
    calls.push(call);
    const summary = `${call.id} ${call.to.length} recipient(s) ${JSON.stringify(call.subject)}`;
    if (fault?.kind === 'accept-then-reset') {
      resetConnection(req);
      log(`${req.method} ${req.url} -> accepted ${summary}, then fault accept-then-reset`);
      return;
    }
    sendJson(res, 200, { id: call.id, message: 'Queued. Thank you.' });
    log(`${req.method} ${req.url} -> 200 ${summary}`);
  };

  const server = await listen(handle, opts.host ?? '127.0.0.1', opts.port ?? 0);
  return {
    url: server.url,
    apiKey,
    signingKey,
    calls,
    deliveries: () => expandDeliveries(calls),
    recipientCounts: () => countRecipients(calls),
    fault: (spec) => faults.add(spec),
    rejectAddress: (address, message = "'to' parameter is not a valid address. please check documentation") =>
      rejected.set(address.toLowerCase(), message),
    clearFaults() {
      faults.clear();
      rejected.clear();
    },
    reset() {
      calls.length = 0;
      faults.clear();
      rejected.clear();
    },
    fireWebhook: (targetUrl, event, signOpts) => fireWebhook(targetUrl, event, signingKey, signOpts),
    fireInbound: (targetUrl, message, signOpts) => fireInbound(targetUrl, message, signingKey, signOpts),
    close: () => server.close(),
  };
}
