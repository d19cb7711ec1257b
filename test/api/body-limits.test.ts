/**
 * Bodies above a route's cap, over a real socket with keep-alive (issue 10): the refusal is read
 * in our shape with `Connection: close`, so the client's next request goes out on a new socket
 * instead of failing with "socket hang up". The webhook caps Stripe's events at 1 MB (413).
 */
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { useHarness } from '../support/harness.ts';

interface Answer {
  status: number;
  headers: Record<string, unknown>;
  body: string;
}

function send(
  agent: Agent,
  port: number,
  path: string,
  body: string | null,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path,
        method: body === null ? 'GET' : 'POST',
        headers: body === null ? headers : { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

describe.each(testStores)('bodies above the cap on $name', (store) => {
  const h = useHarness(store, {
    stripe: {
      secretKey: 'sk_test_caps',
      publishableKey: 'pk_test_caps',
      webhookSecret: 'whsec_test_caps',
      apiBase: 'http://127.0.0.1:9',
    },
  });
  let server: ReturnType<typeof serve>;
  let port = 0;
  beforeAll(async () => {
    server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses a 1 MB approval with Connection: close, and the next request on the agent is answered', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const big = JSON.stringify({ signature: { type: 'typed', name: 'x'.repeat(1024 * 1024) } });
    const refused = await send(agent, port, '/v1/portal/some-token/estimates/est_1/approve', big);
    expect(refused.status).toBe(400);
    expect(refused.headers.connection).toBe('close');
    expect(JSON.parse(refused.body).error).toMatchObject({ code: 'body_too_large' });
    const next = await send(agent, port, '/health', null);
    expect(next.status).toBe(200);
    agent.destroy();
  });

  it('refuses a Stripe webhook body over 1 MB with 413, before reading it', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const big = JSON.stringify({ id: 'evt_big', padding: 'x'.repeat(1024 * 1024 + 10) });
    const refused = await send(agent, port, '/webhooks/stripe', big, {
      'stripe-signature': 't=1,v1=00',
    });
    expect(refused.status).toBe(413);
    expect(refused.headers.connection).toBe('close');
    expect(JSON.parse(refused.body).error).toMatchObject({ code: 'body_too_large' });
    expect((await send(agent, port, '/health', null)).status).toBe(200);
    agent.destroy();
  });
});
