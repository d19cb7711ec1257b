/**
 * What the Square suites share: an app whose payment provider is Square, the real `square` SDK
 * talking to the Square stand-in (test/support/fake-square.ts), a payment Dana starts, the card
 * form's part (a one-time token) and Square's signed webhook deliveries.
 */
import { afterAll, beforeAll } from 'vitest';
import type { TestStore } from '../support/databases.ts';
import { type FakeSquare, type SquareEventType, startFakeSquare } from '../support/fake-square.ts';
import { answer, type Harness, type StaffClient, useHarness } from '../support/harness.ts';
import { startDanaPayment } from '../support/scenarios.ts';

export interface SquareWorld {
  h: Harness;
  fake: FakeSquare;
  signatureKey: string;
}

export function useSquareHarness(store: TestStore, suite: string): SquareWorld {
  const square = {
    accessToken: `EAAAtest_${suite}`,
    applicationId: `sandbox-sq0idb-${suite}`,
    locationId: 'LTEST0LOCATION',
    webhookSignatureKey: `sigkey_${suite}`,
    environment: 'sandbox' as const,
    apiBase: '' as string | null,
  };
  const world = { signatureKey: square.webhookSignatureKey } as SquareWorld;
  beforeAll(async () => {
    world.fake = await startFakeSquare();
    square.apiBase = world.fake.url;
  });
  afterAll(() => world.fake.close());
  world.h = useHarness(store, { paymentProvider: 'square', square });
  return world;
}

/** Dana owes `staff`'s business `owed` and starts paying `amount` of it by card. */
export function startSquarePayment(
  h: Harness,
  staff: StaffClient,
  extra: Record<string, unknown> = {},
  owed = 10_000,
  amount = owed,
) {
  return startDanaPayment(h, staff, 'card', extra, owed, amount);
}

/** The browser sends the token Square's card form made (or none, for a saved card). */
export async function confirmSquare(
  h: Harness,
  token: string,
  paymentId: string,
  sourceId: string | null,
  acceptTotal?: number,
  verificationToken?: string,
) {
  return answer(
    await h.request(`/v1/portal/${token}/payments/${paymentId}/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        square: {
          ...(sourceId ? { source_id: sourceId } : {}),
          ...(verificationToken ? { verification_token: verificationToken } : {}),
        },
        ...(acceptTotal === undefined ? {} : { accept_total: acceptTotal }),
      }),
    }),
  );
}

/** Square delivers `type` about `object` to our webhook, signed for our notification URL. */
export async function tellSquare(
  { h, fake, signatureKey }: SquareWorld,
  type: SquareEventType,
  object: { id: string; [field: string]: unknown },
  key = signatureKey,
) {
  const { body, signature } = fake.webhook(
    type,
    object,
    `${h.config.publicUrl}/webhooks/square`,
    key,
  );
  return answer(
    await h.request('/webhooks/square', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-square-hmacsha256-signature': signature },
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
  return { paid: -sum('payment'), tip: sum('tip'), fee: sum('fee') };
}
