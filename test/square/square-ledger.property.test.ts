/**
 * The property for Square: whatever the customer does — declined cards first, then a credit,
 * debit or prepaid card (a changed total accepted), a tip, part of the invoice or all of it — and
 * however Square's `payment.updated` is delivered (never, once, again, an older state after it),
 * with reconciliation run or not, the ledger equals what Square captured, and the balance moves
 * by exactly the part of it that paid the invoice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paymentProvider } from '../../server/payments/providers.ts';
import { reconcilePayments } from '../../server/payments/reconcile.ts';
import { testStores } from '../support/databases.ts';
import { balanceOf, poolBusiness } from '../support/fixtures.ts';
import {
  confirmSquare,
  ledgerOf,
  startSquarePayment,
  tellSquare,
  useSquareHarness,
} from './support.ts';

const PAYING = ['4111111111111111', '4000056655665556', '5105105105105100', '378282246310005'];
const DECLINING = ['4000000000000002', '4000000000009995'];

const journey = fc.record({
  declines: fc.array(fc.constantFrom(...DECLINING), { maxLength: 2 }),
  card: fc.constantFrom(...PAYING),
  tip: fc.constantFrom(null, { percent: 20 }, { amount: 333 }),
  part: fc.integer({ min: 100, max: 10_000 }),
  deliveries: fc.integer({ min: 0, max: 3 }),
  olderAfter: fc.boolean(),
  reconcile: fc.boolean(),
});

describe.each(testStores)('Square: the ledger equals what Square captured, on $name', (store) => {
  const square = useSquareHarness(store, 'ledgerprop');
  const { h } = square;

  it('whatever the customer and Square’s deliveries do', async () => {
    await fc.assert(
      fc.asyncProperty(journey, async (j) => {
        const staff = await poolBusiness(h);
        const { dana, token, payment } = await startSquarePayment(
          h,
          staff,
          { tip: j.tip },
          10_000,
          j.part,
        );
        let shown: number = payment.amount;
        const press = async (card: string) => {
          for (;;) {
            const answer = await confirmSquare(
              h,
              token,
              payment.id,
              square.fake.api.tokenize(card),
              shown,
            );
            if (answer.status === 409 && answer.body.error.code === 'fee_changed') {
              shown = answer.body.error.payment.amount;
              continue;
            }
            expect(answer.status, JSON.stringify(answer.body)).toBe(200);
            return answer.body;
          }
        };
        for (const card of j.declines) expect((await press(card)).status).toBe('failed');
        expect(await press(j.card)).toMatchObject({ status: 'succeeded', amount: shown });
        const captured = [...square.fake.api.payments.values()].filter(
          (p) => p.reference_id === payment.id && p.status === 'COMPLETED',
        );
        expect(captured).toHaveLength(1);
        for (let n = 0; n < j.deliveries; n += 1) {
          await tellSquare(square, 'payment.updated', captured[0]!);
        }
        if (j.olderAfter) {
          await tellSquare(square, 'payment.updated', { ...captured[0]!, status: 'APPROVED' });
        }
        if (j.reconcile) await reconcilePayments(h.db, paymentProvider(h.config, h.db));
        const ledger = await ledgerOf(h, payment.id);
        expect(ledger.paid).toBe(captured[0]!.total_money.amount);
        expect(ledger.paid).toBe(shown);
        expect(await balanceOf(staff, dana.id)).toBe(10_000 - j.part);
      }),
      { numRuns: 15 },
    );
  });
});
