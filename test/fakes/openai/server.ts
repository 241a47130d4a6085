import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import { applyFault, describeFault, FaultQueue, type FaultSpec } from '../faults';
import { drain, listen, readBody, resetConnection, sendJson } from '../http';
import {
  complete,
  completionBody,
  defaultResponder,
  FAKE_MODEL,
  streamEvents,
  validate,
  type ChatRequest,
  type Responder,
} from './completions';

export interface FakeOpenAIOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 'sk-fake'; checked as `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** Receives a one-line summary of every request (used by the CLI). */
  log?: (line: string) => void;
}

export interface FakeOpenAI {
  /** e.g. http://127.0.0.1:54321; the OpenAI client's baseURL is `${url}/v1`. */
  url: string;
  apiKey: string;
  /** Parsed bodies of accepted (authenticated, valid) chat completion requests, in arrival order; emptied in place by reset(). */
  readonly requests: ChatRequest[];
  /** Scripts replies; null restores the default `Fake reply to: ...`. */
  respondWith(fn: Responder | null): void;
  /** Queues a fault for the next /v1 requests (checked before auth). */
  fault(spec: FaultSpec): void;
  clearFaults(): void;
  /** Clears requests, faults and the scripted responder. */
  reset(): void;
  close(): Promise<void>;
}

type ErrorType = 'invalid_request_error' | 'requests' | 'server_error';

/** OpenAI's error envelope. */
function apiError(message: string, type: ErrorType, code: string | null = null): object {
  return { error: { message, type, param: null, code } };
}

function errorBody(status: number): object {
  if (status === 429) {
    return apiError('Rate limit reached for requests. Please try again in 1s.', 'requests', 'rate_limit_exceeded');
  }
  const message =
    status >= 500 ? 'The server had an error while processing your request. Sorry about that!' : (STATUS_CODES[status] ?? 'Error');
  return apiError(message, status >= 500 ? 'server_error' : 'invalid_request_error');
}

export async function startFakeOpenAI(opts: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const apiKey = opts.apiKey ?? 'sk-fake';
  const log = opts.log ?? (() => undefined);
  const requests: ChatRequest[] = [];
  const faults = new FaultQueue();
  let responder: Responder = defaultResponder;

  const answer = async (req: IncomingMessage, res: ServerResponse, status: number, body: object, note = '') => {
    await drain(req);
    sendJson(res, status, body);
    log(`${req.method} ${req.url} -> ${status}${note}`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '').split('?')[0];
    const route = `${req.method} ${path}`;
    if (route !== 'POST /v1/chat/completions' && route !== 'GET /v1/models') {
      return answer(req, res, 404, apiError(`Invalid URL (${route})`, 'invalid_request_error'));
    }

    const fault = faults.next();
    if (await applyFault(fault, req, res, { delay: server.delay, errorBody })) {
      log(`${route} -> fault ${describeFault(fault)}`);
      return;
    }
    const auth = req.headers.authorization;
    if (auth !== `Bearer ${apiKey}`) {
      const body = auth?.startsWith('Bearer ')
        ? apiError(`Incorrect API key provided: ${mask(auth.slice(7))}.`, 'invalid_request_error', 'invalid_api_key')
        : apiError("You didn't provide an API key.", 'invalid_request_error');
      return answer(req, res, 401, body);
    }
    if (route === 'GET /v1/models') {
      return answer(req, res, 200, {
        object: 'list',
        data: [{ id: FAKE_MODEL, object: 'model', created: 1_700_000_000, owned_by: 'openai' }],
      });
    }

    let body: unknown;
    try {
      body = JSON.parse((await readBody(req)).toString('utf8'));
    } catch {
      return answer(req, res, 400, apiError('We could not parse the JSON body of your request.', 'invalid_request_error'));
    }
    const problem = validate(body);
    if (problem) return answer(req, res, 400, apiError(problem, 'invalid_request_error'));
    const chat = body as ChatRequest;
    requests.push(chat);

    const completion = complete(chat, responder);
    const note = ` ${chat.model} n=${completion.replies.length}${chat.stream ? ' stream' : ''} ${JSON.stringify(completion.replies[0].slice(0, 60))}`;
    if (fault?.kind === 'accept-then-reset') {
      resetConnection(req);
      log(`${route} -> accepted${note}, then fault accept-then-reset`);
      return;
    }
    if (!chat.stream) return answer(req, res, 200, completionBody(completion), note);
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    res.end(
      streamEvents(completion, chat.stream_options?.include_usage === true)
        .map((data) => `data: ${data}\n\n`)
        .join('')
    );
    log(`${route} -> 200${note}`);
  };

  const server = await listen(handle, opts.host ?? '127.0.0.1', opts.port ?? 0);
  return {
    url: server.url,
    apiKey,
    requests,
    respondWith(fn) {
      responder = fn ?? defaultResponder;
    },
    fault: (spec) => faults.add(spec),
    clearFaults: () => faults.clear(),
    reset() {
      requests.length = 0;
      faults.clear();
      responder = defaultResponder;
    },
    close: () => server.close(),
  };
}

/** Like OpenAI, never echo a full key back. */
function mask(key: string): string {
  return key.length <= 8 ? '***' : `${key.slice(0, 3)}***${key.slice(-4)}`;
}
