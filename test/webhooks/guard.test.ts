/**
 * What a delivery will not do: reach loopback, private, link-local or metadata addresses (refused
 * when registered, and again when sent, on what the name resolves to then), use http in
 * production, wait more than its timeout, or read more than 4 KB of an answer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RESPONSE_BYTES, postWebhook } from '../../server/webhooks/post.ts';
import { testStores } from '../support/databases.ts';
import { createCustomer, createInvoice, poolService } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';
import { deliverAll } from './support.ts';

const GUARDED = { httpsOnly: false, allowPrivateNetworks: false } as const;

describe.each(testStores)('the SSRF guard on $name', (store) => {
  const h = useHarness(store);
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());

  it('refuses to register endpoints on addresses that are not public', async () => {
    const staff = await h.business();
    const targets = [
      'http://127.0.0.1/hooks',
      'http://localhost:8787/hooks',
      'http://10.1.2.3/hooks',
      'http://172.16.0.1/hooks',
      'http://192.168.1.1/hooks',
      'http://169.254.169.254/latest/meta-data/',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://[::1]/hooks',
      'http://[fd00:ec2::254]/hooks',
      'http://[::ffff:127.0.0.1]/hooks',
      'http://0.0.0.0/hooks',
    ];
    for (const url of targets) {
      const refused = await staff.post('/v1/webhook_endpoints', { url, events: ['*'] });
      expect(refused.status, url).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'url_invalid', param: 'url' });
    }
    expect((await staff.get('/v1/webhook_endpoints')).body.data).toEqual([]);
  });

  it('checks the name again when sending: one that resolves to loopback gets nothing', async () => {
    const staff = await h.business();
    // `vm` is this machine's name (/etc/hosts: 127.0.0.1): public-looking when registered, as a
    // rebinding name is, and loopback when resolved.
    const url = `http://vm:${receiver.port}/hooks`;
    const made = await staff.post('/v1/webhook_endpoints', { url, events: ['invoice.created'] });
    expect(made.status).toBe(200);
    const dana = await createCustomer(staff);
    await createInvoice(staff, dana.id, { lines: [poolService] });
    expect(await deliverAll(h.db, undefined, GUARDED)).toMatchObject({ delivered: 0, retrying: 1 });
    expect(receiver.received).toEqual([]);
    const [event] = (await staff.get('/v1/events')).body.data;
    const [attempt] = (await staff.get(`/v1/events/${event.id}`)).body.deliveries[0].attempts;
    expect(attempt).toMatchObject({ status_code: null, error: 'vm has no public address' });
  });
});

describe('a single post', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/silent') return; // never answers
      res.writeHead(200);
      res.end('x'.repeat(100_000));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  const local = { httpsOnly: false, allowPrivateNetworks: true };

  it('reads at most 4 KB of the answer', async () => {
    const outcome = await postWebhook(`${base}/big`, '{}', {}, local);
    expect(outcome.status).toBe(200);
    expect(outcome.excerpt).toHaveLength(MAX_RESPONSE_BYTES);
  });

  it('gives up when the receiver does not answer in time', async () => {
    const outcome = await postWebhook(`${base}/silent`, '{}', {}, { ...local, timeoutMs: 300 });
    expect(outcome).toMatchObject({ status: null, error: 'timed out after 300 ms' });
  });

  it('refuses http in production, and private addresses, without connecting', async () => {
    const https = await postWebhook(
      `${base}/big`,
      '{}',
      {},
      { httpsOnly: true, allowPrivateNetworks: false },
    );
    expect(https.error).toBe('https is required');
    const loopback = await postWebhook(`${base}/big`, '{}', {}, GUARDED);
    expect(loopback.error).toBe('127.0.0.1 is not a public address');
  });
});
