import { createServer, request as httpRequest, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { finished } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface Loopback {
  url: string;
  /** Sleeps, but rejects as soon as the server closes so no timer outlives it (Jest open handles). */
  delay(ms: number): Promise<void>;
  /** Stops listening and destroys every open socket, including keep-alive ones held by clients. */
  close(): Promise<void>;
}

export async function listen(handler: Handler, host: string, port: number): Promise<Loopback> {
  const shutdown = new AbortController();
  const server = createServer((req, res) => {
    handler(req, res).catch((err: unknown) => {
      if (shutdown.signal.aborted) return; // closing: the socket is being destroyed anyway
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { message: `fake server bug: ${String(err)}` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: actualPort } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`,
    delay: (ms) => sleep(ms, undefined, { signal: shutdown.signal }),
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        shutdown.abort();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: OutgoingHttpHeaders = {}): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

/** Consumes the rest of a request body so answering early does not break the client's upload. */
export async function drain(req: IncomingMessage): Promise<void> {
  req.resume();
  await finished(req).catch(() => undefined); // an aborted upload needs no answer
}

export async function readBody(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Kills the TCP connection without an HTTP answer; the client sees ECONNRESET / "socket hang up". */
export function resetConnection(req: IncomingMessage): void {
  req.socket.destroy();
}

export interface PostResult {
  status: number;
  body: string;
}

/** One-shot POST without a keep-alive agent, so nothing lingers after the fake is done. */
export function post(targetUrl: string, headers: OutgoingHttpHeaders, body: Buffer | string): Promise<PostResult> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      targetUrl,
      { method: 'POST', agent: false, headers: { ...headers, 'content-length': Buffer.byteLength(body) } },
      (res) => {
        readBody(res).then((buf) => resolve({ status: res.statusCode ?? 0, body: buf.toString('utf8') }), reject);
      }
    );
    req.on('error', reject);
    req.end(body);
  });
}
