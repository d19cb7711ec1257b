/**
 * The client as the README uses it, against the real app: a customer, a charge and a payment
 * link made through it, errors in the API's shape, and a webhook verified with its helper.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPayPortalClient, verifyWebhook } from '../../client/index.ts';
import { testStores } from '../support/databases.ts';
import { useHarness } from '../support/harness.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';
import { deliverAll, LOCAL_CONFIG } from '../webhooks/support.ts';

describe('pay-portal-client', () => {
  const h = useHarness(testStores[0]!, LOCAL_CONFIG);
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());

  const clientFor = (apiKey: string) =>
    createPayPortalClient({
      baseUrl: 'https://pay.example.test/',
      apiKey,
      // The app answers in-process; a real integrator leaves `fetch` alone.
      fetch: (request: Request) => Promise.resolve(h.app.request(request)),
    });

  it('creates a customer, a charge and a link; then verifies the webhook it was sent', async () => {
    const { apiKey } = await h.business();
    const payPortal = clientFor(apiKey);

    const endpoint = await payPortal.POST('/v1/webhook_endpoints', {
      body: { url: receiver.url, events: ['customer.credit_changed', 'link.viewed'] },
    });
    const secret = endpoint.data!.secret;

    const { data: customer } = await payPortal.POST('/v1/customers', {
      body: { name: 'Dana Diaz', email: 'dana@example.com' },
    });
    expect(customer).toMatchObject({ object: 'customer', name: 'Dana Diaz' });
    const { data: charge } = await payPortal.POST('/v1/customers/{id}/charges', {
      params: { path: { id: customer!.id } },
      // No `tax`: a field with a default is optional in a request, as the server takes it.
      body: { amount: 12_500, description: 'Pool opening' },
    });
    expect(charge).toMatchObject({
      object: 'charge',
      amount: 12_500,
      tax: 0,
      customer: customer!.id,
    });
    const { data: link } = await payPortal.POST('/v1/payment_links', {
      body: { customer: customer!.id },
    });
    expect(link!.url).toMatch(/^https:\/\/pay\.example\.test\/p\//);

    // Errors come back typed, in the API's one shape.
    const refused = await payPortal.POST('/v1/customers/{id}/charges', {
      params: { path: { id: customer!.id } },
      body: { amount: -1, tax: 0, description: 'Nope' },
    });
    expect(refused.response.status).toBe(400);
    expect(refused.error).toMatchObject({ error: { param: 'amount' } });

    // A credit to the account: the receiver is told, and verifyWebhook reads it.
    await payPortal.POST('/v1/customers/{id}/credits', {
      params: { path: { id: customer!.id } },
      body: { amount: 20_000, description: 'Goodwill' },
    });
    await deliverAll(h.db);
    const delivery = receiver.received.at(-1)!;
    const event = verifyWebhook(secret, delivery.body, delivery.headers);
    expect(event).toMatchObject({
      type: 'customer.credit_changed',
      data: { object: { object: 'balance', customer: customer!.id, amount: -7_500 } },
    });
    expect(() =>
      verifyWebhook(secret, delivery.body.replace('7500', '9500'), delivery.headers),
    ).toThrow();
  });
});
