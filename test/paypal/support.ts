/**
 * What the PayPal suites share: an app with the sandbox for cards and PayPal beside it, the real
 * `@paypal/paypal-server-sdk` talking to the PayPal stand-in (test/support/fake-paypal.ts), a
 * payment Dana starts with PayPal, her approval in PayPal's window (the stand-in's `approve`), the
 * element's capture call, and PayPal's webhook deliveries.
 */
import { afterAll, beforeAll } from 'vitest';
import type { TestStore } from '../support/databases.ts';
import { type FakePayPal, PAYPAL_CLIENT, startFakePayPal } from '../support/fake-paypal.ts';
import type { Funding } from '../support/fake-paypal-api.ts';
import { poolBusiness } from '../support/fixtures.ts';
import { answer, type Harness, type StaffClient, useHarness } from '../support/harness.ts';
import { startDanaPayment } from '../support/scenarios.ts';

export interface PayPalWorld {
  h: Harness;
  fake: FakePayPal;
  webhookId: string;
}

export function usePayPalHarness(store: TestStore, suite: string): PayPalWorld {
  const paypal = {
    clientId: PAYPAL_CLIENT.id,
    clientSecret: PAYPAL_CLIENT.secret as string | null,
    webhookId: `WH0${suite.toUpperCase()}` as string | null,
    environment: 'sandbox' as const,
    apiBase: '' as string | null,
  };
  const world = { webhookId: paypal.webhookId! } as PayPalWorld;
  beforeAll(async () => {
    world.fake = await startFakePayPal();
    paypal.apiBase = world.fake.url;
  });
  afterAll(() => world.fake.close());
  world.h = useHarness(store, { paypal });
  return world;
}

/** Blue Lagoon Pools with a 2 % + 10¢ PayPal fee beside its card fee. */
export function paypalBusiness(h: Harness, currency = 'usd') {
  return poolBusiness(
    h,
    {
      convenience_fees: {
        card: { percent_bps: 300, fixed: 30 },
        paypal: { percent_bps: 200, fixed: 10 },
      },
    },
    currency,
  );
}

/** Dana owes `staff`'s business `owed` and starts paying `amount` of it with PayPal. */
export function startPayPalPayment(
  h: Harness,
  staff: StaffClient,
  extra: Record<string, unknown> = {},
  owed = 10_000,
  amount = owed,
) {
  return startDanaPayment(h, staff, 'paypal', extra, owed, amount);
}

/** Dana approves the order in PayPal's window (with `funding`), then the element asks us to capture. */
export async function approveAndCapture(
  world: PayPalWorld,
  token: string,
  payment: { id: string; client_secret: string },
  funding: Funding = 'approves',
  wallet: 'paypal' | 'venmo' = 'paypal',
) {
  world.fake.api.approve(payment.client_secret, funding, wallet);
  return capture(world.h, token, payment.id, payment.client_secret);
}

export async function capture(h: Harness, token: string, paymentId: string, orderId: string) {
  return answer(
    await h.request(`/v1/portal/${token}/payments/${paymentId}/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ paypal: { order_id: orderId } }),
    }),
  );
}

/** PayPal delivers `eventType` about `resource` to our webhook, with its transmission headers. */
export async function tellPayPal(
  { h, fake, webhookId }: PayPalWorld,
  eventType: string,
  resource: Record<string, unknown>,
  signedFor = webhookId,
) {
  const { body, headers } = fake.webhook(eventType, resource, signedFor);
  return answer(
    await h.request('/webhooks/paypal', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    }),
  );
}

export async function ledgerOf(h: Harness, paymentId: string) {
  const rows = await h.db
    .selectFrom('ledger_entries')
    .select(['kind', 'amount'])
    .where('payment_id', '=', paymentId)
    .execute();
  const sum = (kind: string) =>
    rows.filter((row) => row.kind === kind).reduce((total, row) => total + Number(row.amount), 0);
  return { paid: 0 - sum('payment'), tip: sum('tip'), fee: sum('fee'), refunded: sum('refund') };
}
