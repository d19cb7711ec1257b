/**
 * The property for PayPal: whatever the customer does — declined funding first, then PayPal or
 * Venmo, a capture PayPal holds PENDING or not, a tip, part of the invoice or all of it — and
 * however PayPal's PAYMENT.CAPTURE.COMPLETED is delivered (never, once, again), with
 * reconciliation run or not, the ledger equals what PayPal captured, and the balance moves by
 * exactly the part of it that paid the invoice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { providerNamed } from '../../server/payments/providers.ts';
import { reconcilePayments } from '../../server/payments/reconcile.ts';
import { testStores } from '../support/databases.ts';
import { balanceOf } from '../support/fixtures.ts';
import {
  approveAndCapture,
  ledgerOf,
  paypalBusiness,
  startPayPalPayment,
  tellPayPal,
  usePayPalHarness,
} from './support.ts';

const journey = fc.record({
  declines: fc.integer({ min: 0, max: 2 }),
  pending: fc.boolean(),
  wallet: fc.constantFrom('paypal' as const, 'venmo' as const),
  tip: fc.constantFrom(null, { percent: 18 }, { amount: 333 }),
  part: fc.integer({ min: 100, max: 10_000 }),
  deliveries: fc.integer({ min: 0, max: 3 }),
  reconcile: fc.boolean(),
});

describe.each(testStores)('PayPal: the ledger equals what PayPal captured, on $name', (store) => {
  const world = usePayPalHarness(store, 'ledgerprop');
  const { h } = world;

  it('whatever the customer and PayPal’s deliveries do', async () => {
    await fc.assert(
      fc.asyncProperty(journey, async (j) => {
        const staff = await paypalBusiness(h);
        const { dana, token, payment } = await startPayPalPayment(
          h,
          staff,
          { tip: j.tip },
          10_000,
          j.part,
        );
        for (let i = 0; i < j.declines; i += 1) {
          const declined = await approveAndCapture(world, token, payment, 'declined', j.wallet);
          expect(declined.body.status).toBe('failed');
        }
        await approveAndCapture(
          world,
          token,
          payment,
          j.pending ? 'pending' : 'approves',
          j.wallet,
        );
        const capture = [...world.fake.api.captures.values()].find(
          (c) => c.custom_id === payment.id,
        )!;
        if (j.pending) world.fake.api.settleCapture(capture.id, 'COMPLETED');
        const resource = world.fake.api.captureView(capture) as Record<string, unknown>;
        for (let i = 0; i < j.deliveries; i += 1) {
          await tellPayPal(world, 'PAYMENT.CAPTURE.COMPLETED', resource);
        }
        if (j.reconcile) await reconcilePayments(h.db, providerNamed(h.config, h.db, 'paypal'));

        const captured =
          j.pending && j.deliveries === 0 && !j.reconcile
            ? 0
            : Number((Number(capture.amount.value) * 100).toFixed(0));
        const ledger = await ledgerOf(h, payment.id);
        expect(ledger.paid).toBe(captured);
        if (captured > 0) {
          expect(ledger.tip + ledger.fee + j.part).toBe(captured);
          expect(await balanceOf(staff, dana.id)).toBe(10_000 - j.part);
        } else {
          expect(await balanceOf(staff, dana.id)).toBe(10_000);
        }
      }),
      { numRuns: 25 },
    );
  });
});
