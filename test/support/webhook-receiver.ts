/**
 * A business's receiving system, on a real local port: it takes each POST, verifies it with the
 * `standardwebhooks` library and the endpoint's secret (as an integrator's code would), and
 * answers with the next status of its script (200 once the script runs out).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  id: string;
  type: string;
  /** The parsed event, or null when the signature did not verify. */
  event: { id: string; type: string; data: { object: Record<string, unknown> } } | null;
  headers: Record<string, string>;
  body: string;
}

export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  /** The secret to verify with (set once the endpoint is made). */
  secret: string | null;
  /** Statuses to answer, in order; then 200. */
  script: number[];
  /** Verified events only. */
  events(): NonNullable<Received['event']>[];
  close(): Promise<void>;
  /** Listens again on the same port after close(). */
  reopen(): Promise<void>;
}

export async function startReceiver(host = '127.0.0.1'): Promise<Receiver> {
  let server: Server;
  const receiver: Receiver = {
    url: '',
    port: 0,
    received: [],
    secret: null,
    script: [],
    events: () => receiver.received.flatMap((r) => (r.event ? [r.event] : [])),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    reopen: () => listen(receiver.port),
  };
  const listen = (port: number) =>
    new Promise<void>((resolve) => {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const headers = Object.fromEntries(
            Object.entries(req.headers).map(([k, v]) => [k, String(v)]),
          );
          let event: Received['event'] = null;
          try {
            event = new Webhook(receiver.secret ?? '').verify(body, headers) as Received['event'];
          } catch {
            event = null;
          }
          receiver.received.push({
            id: headers['webhook-id'] ?? '',
            type: event?.type ?? '',
            event,
            headers,
            body,
          });
          const status = receiver.script.shift() ?? 200;
          res.writeHead(status, { 'content-type': 'text/plain' });
          res.end(status < 300 ? 'ok' : 'not now');
        });
      });
      server.listen(port, host, () => {
        receiver.port = (server.address() as AddressInfo).port;
        receiver.url = `http://${host}:${receiver.port}/hooks`;
        resolve();
      });
    });
  await listen(0);
  return receiver;
}
