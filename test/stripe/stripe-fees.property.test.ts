/**
 * The property behind issue 10's defects: whatever a customer does — changes card several times,
 * debit, credit or prepaid, a new card or one saved before, a declined card first, the status
 * read before or after Stripe's event, the event delivered more than once — what Stripe is asked
 * to charge equals the total the customer was shown last, and the ledger equals what Stripe
 * charged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listSavedPaymentMethods } from '../../server/payments/saved-methods.ts';
import { testStores } from '../support/databases.ts';
import { balanceOf, createInvoice, poolBusiness } from '../support/fixtures.ts';
import { collectCard, intentOf, startPayment, tellWebhook, useStripeHarness } from './support.ts';

const CARDS = ['4000056655665556', '4242424242424242', '5105105105105100', '378282246310005'];

const journey = fc.record({
  /** The cards collected in turn on the first payment (a method change each). */
  tries: fc.array(fc.constantFrom(...CARDS), { minLength: 1, maxLength: 4 }),
  declinedFirst: fc.boolean(),
  readBeforeEvent: fc.boolean(),
  deliveries: fc.integer({ min: 1, max: 3 }),
  /** A second invoice paid with the card saved from the first payment. */
  payAgainSaved: fc.boolean(),
  secondAmount: fc.integer({ min: 100, max: 50_000 }),
});

describe.each(testStores)('what Stripe charges, whatever the customer does, on $name', (store) => {
  const stripe = useStripeHarness(store, 'feeprop');
  const { h } = stripe;

  async function ledgerPaid(paymentId: string) {
    const rows = await h.db
      .selectFrom('ledger_entries')
      .select(['kind', 'amount'])
      .where('payment_id', '=', paymentId)
      .execute();
    return rows
      .filter((row) => ['payment', 'tip', 'fee'].includes(row.kind))
      .reduce((sum, row) => sum + (row.kind === 'payment' ? -Number(row.amount) : 0), 0);
  }

  it('Stripe holds the total shown, and the ledger records what Stripe charged', async () => {
    await fc.assert(
      fc.asyncProperty(journey, async (j) => {
        const staff = await poolBusiness(h);
        const first = await startPayment(h, staff, { save_payment_method: true });
        let shown = first.payment.amount as number;
        let last = '';
        for (const card of j.tries) {
          last = stripe.fake.api.createConfirmationToken(card).id;
          const fixed = await collectCard(h, first.token, first.payment.id, last);
          expect(fixed.status).toBe(200);
          shown = fixed.body.amount;
          expect(stripe.fake.api.intents.get(first.intentId)!.amount).toBe(shown);
        }
        if (j.declinedFirst) {
          stripe.fake.api.confirm(first.intentId, { card: '4000000000000002' });
          expect((await first.browser.payment(first.payment.id)).body.status).toBe('failed');
        }
        const paid = stripe.fake.api.confirm(first.intentId, { confirmationToken: last });
        expect(paid.amount_received).toBe(shown);
        if (j.readBeforeEvent) await first.browser.payment(first.payment.id);
        for (let n = 0; n < j.deliveries; n += 1) {
          await tellWebhook(stripe, 'payment_intent.succeeded', paid);
        }
        expect(await ledgerPaid(first.payment.id)).toBe(paid.amount_received);
        expect(await balanceOf(staff, first.dana.id)).toBe(0);

        if (!j.payAgainSaved) return;
        const [card] = await listSavedPaymentMethods(h.db, first.dana.id, 'stripe');
        const next = await createInvoice(staff, first.dana.id, j.secondAmount);
        const again = await first.browser.create({
          invoices: [{ id: next.id, amount: j.secondAmount }],
          method: 'card',
          payment_method: card!.id,
        });
        expect(again.status, JSON.stringify(again.body)).toBe(200);
        const intent = stripe.fake.api.intents.get(intentOf(again.body))!;
        expect(intent.amount).toBe(again.body.amount);
        const charged = stripe.fake.api.confirm(intent.id, {
          paymentMethod: `${intent.payment_method}`,
        });
        await tellWebhook(stripe, 'payment_intent.succeeded', charged);
        expect(await ledgerPaid(again.body.id)).toBe(charged.amount_received);
        expect(await balanceOf(staff, first.dana.id)).toBe(0);
      }),
      { numRuns: 12 },
    );
  });
});
