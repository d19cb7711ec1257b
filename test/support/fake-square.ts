/**
 * A local stand-in for Square's API, for tests that drive the real `square` SDK: a node:http
 * server on 127.0.0.1 and a random port that reads Square's JSON, answers with Square's object
 * shapes and `{errors: [{category, code, detail, field}]}` (fake-square-api.ts), and honours
 * `idempotency_key` as Square documents it: the same key with the same request answers the first
 * result again; with another request it is a 400 `IDEMPOTENCY_KEY_REUSED`. It records every
 * request, can lose an answer after doing the work (a timeout), and makes signed webhook events.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeSquareApi, SquareApiError } from './fake-square-api.ts';
import { squareEvent, squareSignature } from './fake-square-objects.ts';

export { SQUARE_TEST_CARDS } from './fake-square-objects.ts';

/** The events Square sends that the stand-in makes. */
export type SquareEventType =
  | 'payment.updated'
  | 'refund.updated'
  | 'dispute.created'
  | 'dispute.state.updated';

export interface SquareRequest {
  method: string;
  path: string;
  body: Record<string, unknown>;
  status: number;
  replayed: boolean;
}

export interface FakeSquare {
  url: string;
  api: FakeSquareApi;
  requests: SquareRequest[];
  requestsTo(method: string, path: string): SquareRequest[];
  /**
   * `METHOD /path` whose work is done but whose answer is lost (the socket drops); a `*` stands
   * for one path segment (a payment's id, say).
   */
  lostAnswers: Set<string>;
  /** `METHOD /path` that never reaches Square: the connection drops before any work is done. */
  unreached: Set<string>;
  /** A webhook delivery as Square makes it: the body and its signature for `notificationUrl`. */
  webhook(
    type: SquareEventType,
    object: { id: string; [field: string]: unknown },
    notificationUrl: string,
    key: string,
  ): { body: string; signature: string };
  close(): Promise<void>;
}

export async function startFakeSquare(): Promise<FakeSquare> {
  const api = new FakeSquareApi();
  const requests: SquareRequest[] = [];
  const remembered = new Map<string, { request: string; status: number; body: string }>();
  const lostAnswers = new Set<string>();
  const unreached = new Set<string>();

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const recorded: SquareRequest = {
      method,
      path: url.pathname,
      body,
      status: 0,
      replayed: false,
    };
    requests.push(recorded);
    const call = `${method} ${url.pathname}`;
    if ([...unreached].some((pattern) => matches(pattern, call))) {
      recorded.status = -1;
      return void req.socket.destroy();
    }
    const lost = [...lostAnswers].some((pattern) => matches(pattern, call));
    const send = (status: number, text: string, replayed = false) => {
      recorded.status = status;
      recorded.replayed = replayed;
      if (lost) return void req.socket.destroy();
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(text);
    };
    if (!/^Bearer \S+$/.test(req.headers.authorization ?? '')) {
      const errors = [
        {
          category: 'AUTHENTICATION_ERROR',
          code: 'UNAUTHORIZED',
          detail: 'This request could not be authorized.',
        },
      ];
      return send(401, JSON.stringify({ errors }));
    }
    const key = typeof body.idempotency_key === 'string' ? body.idempotency_key : null;
    const scoped = key ? `${method} ${url.pathname} ${key}` : null;
    const earlier = scoped ? remembered.get(scoped) : undefined;
    if (earlier) {
      if (earlier.request === raw) return send(earlier.status, earlier.body, true);
      const errors = [
        {
          category: 'INVALID_REQUEST_ERROR',
          code: 'IDEMPOTENCY_KEY_REUSED',
          detail: 'The idempotency key can only be retried with the same request data.',
          field: 'idempotency_key',
        },
      ];
      return send(400, JSON.stringify({ errors }));
    }
    let status = 200;
    let text: string;
    try {
      text = JSON.stringify(api.route(method, url.pathname, url.searchParams, body));
    } catch (error) {
      if (!(error instanceof SquareApiError)) throw error;
      status = error.status;
      text = JSON.stringify({ errors: error.errors, ...error.extra });
    }
    // A request that ran is answered again for its key (a decline ran: the card was tried);
    // one refused before it ran (a missing field) is not kept.
    const ran = status < 400 || text.includes('PAYMENT_METHOD_ERROR');
    if (scoped && ran) remembered.set(scoped, { request: raw, status, body: text });
    send(status, text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    api,
    requests,
    requestsTo: (method, path) => requests.filter((r) => r.method === method && r.path === path),
    lostAnswers,
    unreached,
    webhook(type, object, notificationUrl, key) {
      const kind = type.split('.')[0] as 'payment' | 'refund' | 'dispute';
      const body = JSON.stringify(squareEvent(type, kind, object));
      return { body, signature: squareSignature(body, notificationUrl, key) };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function matches(pattern: string, actual: string): boolean {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+');
  return new RegExp(`^${escaped}$`).test(actual);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
