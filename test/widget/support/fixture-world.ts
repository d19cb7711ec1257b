/** The widget fixtures' worlds: an app on its own in-memory SQLite, listening; and calls into it. */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../../server/app.ts';
import { loadConfig } from '../../../server/config.ts';
import { migrateToLatest, openDatabase } from '../../../server/db/database.ts';
import { createLogger } from '../../../server/http/logger.ts';
import type { FakeStripe } from '../../support/fake-stripe.ts';

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><rect width="48" height="48" rx="12" fill="#0f766e"/><path d="M10 30c5-6 9-6 14 0s9 6 14 0" stroke="#fff" stroke-width="4" fill="none" stroke-linecap="round"/><path d="M10 20c5-6 9-6 14 0s9 6 14 0" stroke="#99f6e4" stroke-width="4" fill="none" stroke-linecap="round"/></svg>`;

export interface World {
  app: ReturnType<typeof createApp>;
  db: ReturnType<typeof openDatabase>;
  apiBase: string;
  close(): Promise<void>;
}

/** An app over its own in-memory database, listening on a random loopback port. */
export async function startWorld(
  allowOrigins: string[],
  env: Record<string, string> = {},
): Promise<World> {
  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: ':memory:',
      PUBLIC_URL: 'https://pay.example.test',
      APP_SECRET: 'widget-fixtures-secret',
      ...env,
    }),
    // Every test comes from 127.0.0.1; the limits have their own server tests.
    rateLimit: { portalPerMinute: 1_000_000, misses: 1_000_000, missWindowSeconds: 60 },
  };
  const db = openDatabase(':memory:');
  await migrateToLatest(db);
  const app = createApp({ db, config, logger: createLogger('silent') });

  const cors = (origin: string | null, headers: Headers) => {
    if (origin && allowOrigins.includes(origin)) {
      headers.set('access-control-allow-origin', origin);
      headers.set('access-control-allow-methods', 'GET, POST, DELETE, OPTIONS');
      headers.set('access-control-allow-headers', 'content-type, idempotency-key');
      headers.set('vary', 'origin');
    }
  };
  const server = serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: async (request, env) => {
      const origin = request.headers.get('origin');
      const path = new URL(request.url).pathname;
      if (path === '/fixtures/logo.svg') {
        return new Response(LOGO, { headers: { 'content-type': 'image/svg+xml' } });
      }
      // The business allows the test page's origin (allowed_origins), so the app's own CORS
      // answers; where the app has none, the harness opens it for that origin only.
      const response = await app.fetch(request, env);
      const answer = new Response(response.body, response);
      if (!answer.headers.has('access-control-allow-origin')) {
        cors(origin, answer.headers);
        if (request.method === 'OPTIONS' && origin && allowOrigins.includes(origin)) {
          return new Response(null, { status: 204, headers: answer.headers });
        }
      }
      return answer;
    },
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    app,
    db,
    apiBase,
    async close() {
      server.close();
      await db.destroy();
    },
  };
}

/** A staff API call in `world` with a business's key: the answer, or an error when refused. */
export async function staffIn(
  { app }: World,
  apiKey: string,
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await app.request(path, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
  return json as { id: string; url: string } & Record<string, unknown>;
}

/**
 * The customer pays one invoice in full through the portal API, with Stripe's test card (on
 * the Stripe server, as Stripe.js would: the fake Stripe confirms, the status read records it).
 */
export async function payAsCustomer(
  world: World,
  token: string,
  invoice: string,
  save: boolean,
  stripeWorld: () => Promise<{ fake: FakeStripe }>,
): Promise<string> {
  const { app } = world;
  const portal = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await app.request(`/v1/portal/${token}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as {
      id: string;
      status: string;
      client_secret: string | null;
    };
    if (!response.ok) throw new Error(`POST ${path}: ${JSON.stringify(json)}`);
    return json;
  };
  const started = await portal(
    '/payments',
    {
      invoices: [{ id: invoice, amount: 8119 }],
      balance_amount: 0,
      tip: null,
      method: 'card',
      save_payment_method: save,
    },
    { 'idempotency-key': randomBytes(12).toString('hex') },
  );
  if (started.client_secret) {
    const { fake } = await stripeWorld();
    fake.api.confirm(started.client_secret.split('_secret_')[0]!, { card: '4242424242424242' });
    const read = await app.request(`/v1/portal/${token}/payments/${started.id}`);
    const status = ((await read.json()) as { status: string }).status;
    if (status !== 'succeeded') throw new Error(`payment is ${status}`);
    return started.id;
  }
  const card = { card_number: '4242424242424242', exp_month: 12, exp_year: 2034, cvc: '123' };
  const confirmed = await portal(`/payments/${started.id}/confirm`, { sandbox: card });
  if (confirmed.status !== 'succeeded') throw new Error(`payment is ${confirmed.status}`);
  return started.id;
}
