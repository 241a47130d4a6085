import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string; at: number };

// A tiny HTTP receiver on loopback whose answers a test scripts in order (then 200).
export const startReceiver = async () => {
  const received: Received[] = [];
  const script: Array<{ status: number; delayMs?: number; body?: string }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, at: Date.now() });
      const next = script.shift() ?? { status: 200, body: 'ok' };
      setTimeout(() => {
        res.writeHead(next.status, { 'content-type': 'text/plain' });
        res.end(next.body ?? `status ${next.status}`);
      }, next.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    answer: (...answers: Array<{ status: number; delayMs?: number; body?: string }>) => script.push(...answers),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
