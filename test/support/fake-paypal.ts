/**
 * A local stand-in for PayPal's REST API, for tests that drive the real `@paypal/paypal-server-sdk`
 * (pointed here by PAYPAL_API_BASE): a node:http server on 127.0.0.1 and a random port that
 * answers as PayPal's reference says —
 *
 * - `POST /v1/oauth2/token` with the client id and secret (HTTP Basic) and
 *   `grant_type=client_credentials` gives a Bearer token; every other call needs one (401
 *   AUTHENTICATION_FAILURE without);
 * - orders, captures and refunds (fake-paypal-api.ts), with `PayPal-Request-Id` as PayPal
 *   documents it: the same id with the same request answers the first result again; with another
 *   request it is a 422 PAYPAL_REQUEST_ID_PREVIOUSLY_USED;
 * - `POST /v1/notifications/verify-webhook-signature`: SUCCESS only for a delivery this stand-in
 *   signed (`webhook()`) for that webhook id, with the event unchanged; FAILURE otherwise.
 *
 * It records every request, can lose an answer after doing the work (a timeout), and, for the
 * browser's stand-in `window.paypal`, takes the buyer's approval at `POST /test/orders/:id/approve`
 * (what PayPal's window does; not part of PayPal's API).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type Body,
  FakePayPalApi,
  type Funding,
  PayPalApiError,
  unprocessable,
} from './fake-paypal-api.ts';
import { paypalWebhook, transmissionSignature } from './fake-paypal-webhooks.ts';

export interface PayPalRequest {
  method: string;
  path: string;
  requestId: string | null;
  body: Body;
  status: number;
  replayed: boolean;
}

export interface FakePayPal {
  url: string;
  api: FakePayPalApi;
  requests: PayPalRequest[];
  requestsTo(method: string, path: string): PayPalRequest[];
  /** `METHOD /path` whose work is done but whose answer is lost; `*` stands for one segment. */
  lostAnswers: Set<string>;
  /** A webhook delivery as PayPal makes it: the body and the transmission headers. */
  webhook(
    eventType: string,
    resource: Record<string, unknown>,
    webhookId: string,
  ): { body: string; headers: Record<string, string> };
  close(): Promise<void>;
}

export const PAYPAL_CLIENT = { id: 'AZtestClientId', secret: 'EKtestClientSecret' };
export async function startFakePayPal(): Promise<FakePayPal> {
  let url = '';
  const api = new FakePayPalApi(() => url);
  const requests: PayPalRequest[] = [];
  const remembered = new Map<string, { request: string; status: number; body: string }>();
  const tokens = new Set<string>();
  const lostAnswers = new Set<string>();

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const method = req.method ?? 'GET';
    const requestId = (req.headers['paypal-request-id'] as string | undefined) ?? null;
    const recorded: PayPalRequest = {
      method,
      path,
      requestId,
      body: {},
      status: 0,
      replayed: false,
    };
    requests.push(recorded);
    const lost = [...lostAnswers].some((pattern) => matches(pattern, `${method} ${path}`));
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'content-type',
    };
    const send = (status: number, text: string, replayed = false) => {
      recorded.status = status;
      recorded.replayed = replayed;
      if (lost) return void req.socket.destroy();
      res.writeHead(status, { 'content-type': 'application/json', ...cors });
      res.end(text);
    };
    if (method === 'OPTIONS') return send(204, '');

    if (path === '/v1/oauth2/token' && method === 'POST') {
      const basic = `Basic ${Buffer.from(`${PAYPAL_CLIENT.id}:${PAYPAL_CLIENT.secret}`).toString('base64')}`;
      if (req.headers.authorization !== basic || !raw.includes('grant_type=client_credentials')) {
        return send(
          401,
          JSON.stringify({
            error: 'invalid_client',
            error_description: 'Client Authentication failed',
          }),
        );
      }
      const token = `A21AA${randomBytes(24).toString('hex')}`;
      tokens.add(token);
      return send(
        200,
        JSON.stringify({
          scope:
            'https://uri.paypal.com/services/payments/payment https://uri.paypal.com/services/applications/webhooks',
          access_token: token,
          token_type: 'Bearer',
          app_id: 'APP-80W284485P519543T',
          expires_in: 32400,
          nonce: `${new Date().toISOString()}${randomBytes(8).toString('hex')}`,
        }),
      );
    }

    let body: Body = {};
    try {
      body = raw ? (JSON.parse(raw) as Body) : {};
    } catch {
      return send(
        400,
        JSON.stringify({
          name: 'INVALID_REQUEST',
          message: 'Request is not well-formed.',
          details: [{ issue: 'MALFORMED_REQUEST_JSON' }],
        }),
      );
    }
    recorded.body = body;

    if (path.startsWith('/test/orders/') && method === 'POST') {
      // The buyer's side: approving in PayPal's window (the browser's stand-in calls this).
      const orderId = path.split('/')[3]!;
      try {
        const order = api.approve(
          orderId,
          (body.funding as Funding) ?? 'approves',
          body.wallet === 'venmo' ? 'venmo' : 'paypal',
        );
        return send(200, JSON.stringify({ id: order.id, status: order.status }));
      } catch (error) {
        if (!(error instanceof PayPalApiError)) throw error;
        return send(error.status, JSON.stringify(error.body));
      }
    }

    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer || !tokens.has(bearer)) {
      return send(
        401,
        JSON.stringify({
          name: 'AUTHENTICATION_FAILURE',
          message:
            'Authentication failed due to invalid authentication credentials or a missing Authorization header.',
          links: [
            {
              href: 'https://developer.paypal.com/api/rest/authentication/',
              rel: 'information_link',
            },
          ],
        }),
      );
    }

    if (path === '/v1/notifications/verify-webhook-signature' && method === 'POST') {
      const required = [
        'auth_algo',
        'cert_url',
        'transmission_id',
        'transmission_sig',
        'transmission_time',
        'webhook_id',
        'webhook_event',
      ];
      const missing = required.find((field) => !body[field]);
      if (missing) {
        return send(
          400,
          JSON.stringify({
            name: 'VALIDATION_ERROR',
            message: 'Invalid request - see details',
            details: [{ field: missing, issue: 'Required field cannot be blank' }],
          }),
        );
      }
      const expected = transmissionSignature(
        String(body.transmission_id),
        String(body.transmission_time),
        String(body.webhook_id),
        JSON.stringify(body.webhook_event),
      );
      const ok = body.auth_algo === 'SHA256withRSA' && body.transmission_sig === expected;
      return send(200, JSON.stringify({ verification_status: ok ? 'SUCCESS' : 'FAILURE' }));
    }

    const scoped = requestId ? `${method} ${path} ${requestId}` : null;
    const earlier = scoped ? remembered.get(scoped) : undefined;
    if (earlier) {
      if (earlier.request === raw) return send(earlier.status, earlier.body, true);
      const refused = unprocessable(
        'PAYPAL_REQUEST_ID_PREVIOUSLY_USED',
        'The PayPal-Request-Id has already been used for another request.',
      );
      return send(refused.status, JSON.stringify(refused.body));
    }
    let status: number;
    let text: string;
    try {
      const answer = api.route(method, path, body);
      status = answer.status;
      const prefer = String(req.headers.prefer ?? 'return=minimal');
      const full = answer.body as { id?: string; status?: string; links?: unknown };
      const minimal =
        path.endsWith('/refund') || prefer.includes('representation') || method === 'GET';
      text = JSON.stringify(
        minimal ? full : { id: full.id, status: full.status, links: full.links },
      );
    } catch (error) {
      if (!(error instanceof PayPalApiError)) throw error;
      status = error.status;
      text = JSON.stringify(error.body);
    }
    // What ran is answered again for its request id (a decline ran: the instrument was tried).
    if (scoped && (status < 400 || text.includes('INSTRUMENT_DECLINED'))) {
      remembered.set(scoped, { request: raw, status, body: text });
    }
    send(status, text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    api,
    requests,
    requestsTo: (method, path) => requests.filter((r) => r.method === method && r.path === path),
    lostAnswers,
    webhook: paypalWebhook,
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
