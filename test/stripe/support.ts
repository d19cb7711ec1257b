/**
 * What the Stripe suites share: an app whose payment provider is Stripe, the real `stripe` SDK
 * talking to the fake Stripe server (test/support/fake-stripe.ts), and a payment Dana starts.
 */
import Stripe from 'stripe';
import { afterAll, beforeAll, expect } from 'vitest';
import { createStripeClient, StripeProvider } from '../../server/payments/stripe-provider.ts';
import type { TestStore } from '../support/databases.ts';
import { type FakeStripe, startFakeStripe } from '../support/fake-stripe.ts';
import { DANA } from '../support/fixtures.ts';
import { answer, type Harness, type StaffClient, useHarness } from '../support/harness.ts';
import { openPortal } from '../support/portal-client.ts';
import { owingCustomer } from '../support/scenarios.ts';

export interface StripeWorld {
  h: Harness;
  /** Started before the app, so the app's Stripe client points at it. */
  fake: FakeStripe;
  webhookSecret: string;
}

/** The suite's app, with Stripe keys named after the suite, and the fake Stripe behind it. */
export function useStripeHarness(store: TestStore, suite: string): StripeWorld {
  const stripe = {
    secretKey: `sk_test_${suite}`,
    publishableKey: `pk_test_${suite}`,
    webhookSecret: `whsec_test_${suite}`,
    apiBase: '' as string | null,
  };
  const world = { webhookSecret: stripe.webhookSecret } as StripeWorld;
  beforeAll(async () => {
    world.fake = await startFakeStripe();
    stripe.apiBase = world.fake.url;
  });
  afterAll(() => world.fake.close());
  world.h = useHarness(store, { paymentProvider: 'stripe', stripe });
  return world;
}

/** The Stripe provider alone, with the suite's key, its SDK talking to a new fake Stripe. */
export async function startStripeProvider(suite: string) {
  const fake = await startFakeStripe();
  const client = () => createStripeClient({ secretKey: `sk_test_${suite}`, apiBase: fake.url });
  return { fake, provider: new StripeProvider(client) };
}

/** The PaymentIntent behind a payment the portal started with Stripe. */
export function intentOf(payment: { client_secret: string | null }): string {
  return payment.client_secret!.split('_secret_')[0]!;
}

/** Dana owes `staff`'s business a 100.00 invoice and starts paying all of it by card. */
export async function startPayment(h: Harness, staff: StaffClient, extra = {}) {
  const { customer: dana, invoice, link } = await owingCustomer(staff, 10_000, DANA);
  const browser = openPortal(h, link);
  const created = await browser.create({
    invoices: [{ id: invoice.id, amount: 10_000 }],
    method: 'card',
    ...extra,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  return {
    dana,
    invoice,
    token: link.token,
    browser,
    payment: created.body,
    intentId: intentOf(created.body),
  };
}

/** Stripe delivers `type` about `object` to our webhook, signed with the suite's secret. */
export async function tellWebhook(
  { h, fake, webhookSecret }: StripeWorld,
  type: string,
  object: unknown,
) {
  const payload = JSON.stringify(fake.event(type, object));
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret });
  return answer(
    await h.request('/webhooks/stripe', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': signature },
      body: payload,
    }),
  );
}

/** The browser hands the server the card Stripe.js collected; the server fixes the fee. */
export async function collectCard(h: Harness, token: string, paymentId: string, reference: string) {
  return answer(
    await h.request(`/v1/portal/${token}/payments/${paymentId}/payment_method`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ payment_method: reference }),
    }),
  );
}
