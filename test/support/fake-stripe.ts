/**
 * A local stand-in for Stripe's API, for tests that drive the real `stripe` SDK: a node:http
 * server on 127.0.0.1 and a random port that reads form-encoded bodies as the SDK sends them,
 * answers with Stripe's object shapes and error shape, honours `Idempotency-Key` (the same key
 * replays the same answer; the same key with other parameters is an `idempotency_error`), and
 * records every request so a test can assert what the SDK sent. `api` holds the objects and the
 * parts Stripe.js plays (test/support/fake-stripe-api.ts); `event()` builds webhook events.
 *
 * Its objects are written after Stripe's published fixtures (fake-stripe-objects.ts) and it keeps
 * Stripe's documented rules (test/stripe/stand-in.test.ts): parameters the SDK's types do not
 * list are 400 `parameter_unknown` (fake-stripe-params.ts); minimum and maximum charge amounts
 * per currency; refunds `pending` → `succeeded` (4000 0000 0000 7726) and `succeeded` → later
 * `failed` (4000 0000 0000 5126); no confirming a canceled intent, no updating a succeeded one.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Stripe from 'stripe';
import { FakeStripeApi, type Params } from './fake-stripe-api.ts';
import { event, fakeId } from './fake-stripe-objects.ts';
import { StripeApiError } from './fake-stripe-rules.ts';

export type { Params } from './fake-stripe-api.ts';
export { TEST_CARDS } from './fake-stripe-payment-methods.ts';

export interface RecordedRequest {
  method: string;
  path: string;
  /** The decoded query string (GET) or form body (POST), nested as Stripe reads it. */
  params: Params;
  idempotencyKey: string | null;
  stripeVersion: string | null;
  /** The SDK's `X-Stripe-Client-User-Agent`, where `appInfo` travels. */
  clientUserAgent: Record<string, unknown> | null;
  /** Whether the answer was a replay of an earlier request with the same idempotency key. */
  replayed: boolean;
  status: number;
}

export interface FakeStripe {
  /** `http://127.0.0.1:<port>`: what STRIPE_API_BASE points at. */
  url: string;
  api: FakeStripeApi;
  requests: RecordedRequest[];
  /** The requests to one path (`/v1/payment_intents`), in order. */
  requestsTo(method: string, path: string): RecordedRequest[];
  /** An event as Stripe would deliver it to a webhook, with a snapshot of `object`. */
  event(type: string, object: unknown): Stripe.Event;
  /**
   * Calls (`POST /v1/refunds`) that Stripe carries out but whose answer never arrives: the
   * connection drops after the work is done, as a timeout does.
   */
  lostAnswers: Set<string>;
  close(): Promise<void>;
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const api = new FakeStripeApi();
  const requests: RecordedRequest[] = [];
  const remembered = new Map<string, { fingerprint: string; status: number; body: string }>();
  const lostAnswers = new Set<string>();

  function respond(req: IncomingMessage, res: ServerResponse, raw: string) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const idempotencyKey = header(req, 'idempotency-key');
    const stripeVersion = header(req, 'stripe-version');
    if (stripeVersion) api.apiVersion = stripeVersion;
    const agent = header(req, 'x-stripe-client-user-agent');
    const recorded: RecordedRequest = {
      method,
      path: url.pathname,
      params: decodeForm(method === 'GET' ? url.search.slice(1) : raw),
      idempotencyKey,
      stripeVersion,
      clientUserAgent: agent ? JSON.parse(agent) : null,
      replayed: false,
      status: 0,
    };
    requests.push(recorded);
    const send = (status: number, body: unknown, replayed = false) => {
      recorded.status = status;
      recorded.replayed = replayed;
      res.writeHead(status, {
        'content-type': 'application/json',
        'request-id': fakeId('req'),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        ...(replayed ? { 'idempotent-replayed': 'true' } : {}),
      });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };

    if (!/^Bearer sk_(test|live)_\w+$/.test(header(req, 'authorization') ?? '')) {
      return send(401, {
        error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' },
      });
    }
    const fingerprint = `${method} ${url.pathname} ${raw}`;
    const lost = lostAnswers.has(`${method} ${url.pathname}`);
    const earlier = idempotencyKey && method === 'POST' ? remembered.get(idempotencyKey) : null;
    if (earlier) {
      if (lost) return void req.socket.destroy();
      if (earlier.fingerprint === fingerprint) return send(earlier.status, earlier.body, true);
      return send(400, {
        error: {
          type: 'idempotency_error',
          message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
        },
      });
    }
    let status = 200;
    let body: string;
    try {
      body = JSON.stringify(api.route(method, url.pathname, recorded.params));
    } catch (error) {
      if (!(error instanceof StripeApiError)) throw error;
      status = error.status;
      body = JSON.stringify({ error: error.body });
    }
    // Stripe keeps the answer of a request that ran (a decline, 402, ran: the card was tried);
    // one refused by validation is not kept.
    if (idempotencyKey && method === 'POST' && (status < 400 || status === 402)) {
      remembered.set(idempotencyKey, { fingerprint, status, body });
    }
    if (lost) return void req.socket.destroy();
    send(status, body);
  }

  const server = createServer((req, res) => {
    readBody(req).then((raw) => respond(req, res, raw));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    api,
    requests,
    requestsTo: (method, path) => requests.filter((r) => r.method === method && r.path === path),
    event: (type, object) => event(type, object, api.apiVersion),
    lostAnswers,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** `a[b][0]=x&a[b][1]=y&c=z` → `{a: {b: ['x', 'y']}, c: 'z'}`, as Stripe decodes its forms. */
export function decodeForm(text: string): Params {
  const root: Params = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const path = key.split(/\[|\]\[|\]/).filter((part) => part !== '');
    let node: Params = root;
    path.forEach((part, index) => {
      if (index === path.length - 1) {
        node[part] = value;
        return;
      }
      node[part] ??= /^\d+$/.test(path[index + 1] ?? '') ? [] : {};
      node = node[part];
    });
  }
  return root;
}
