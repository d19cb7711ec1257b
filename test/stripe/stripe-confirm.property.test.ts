/**
 * The property of issue 10 through the server-side confirmation: whatever the customer does —
 * declined cards first, then debit, credit, prepaid or a 3-D Secure card, a total that changes
 * with the card and is accepted, the status read before or after Stripe's event, the event
 * delivered more than once — Stripe charges exactly the total the customer accepted last, the
 * card charged is the card whose funding set the fee, and the ledger equals what Stripe charged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { TEST_CARDS } from '../support/fake-stripe.ts';
import { balanceOf, poolBusiness } from '../support/fixtures.ts';
import { answer } from '../support/harness.ts';
import { startPayment, tellWebhook, useStripeHarness } from './support.ts';

const PAYING = ['4000056655665556', '4242424242424242', '5105105105105100', '378282246310005'];
const THREE_D_SECURE = '4000002500003155';
const DECLINING = ['4000000000000002', '4000000000009995'];

const journey = fc.record({
  declines: fc.array(fc.constantFrom(...DECLINING), { maxLength: 2 }),
  card: fc.constantFrom(...PAYING, THREE_D_SECURE),
  readBeforeEvent: fc.boolean(),
  deliveries: fc.integer({ min: 1, max: 3 }),
  tip: fc.constantFrom(null, { percent: 18 }, { amount: 250 }),
});

describe.each(testStores)(
  'confirmed on the server, whatever the customer does, on $name',
  (store) => {
    const stripe = useStripeHarness(store, 'confirmprop');
    const { h } = stripe;

    async function ledgerPaid(paymentId: string) {
      const rows = await h.db
        .selectFrom('ledger_entries')
        .select(['kind', 'amount'])
        .where('payment_id', '=', paymentId)
        .where('kind', '=', 'payment')
        .execute();
      return rows.reduce((sum, row) => sum - Number(row.amount), 0);
    }

    it('Stripe charges the total accepted, for the card previewed; the ledger equals it', async () => {
      await fc.assert(
        fc.asyncProperty(journey, async (j) => {
          const staff = await poolBusiness(h);
          const { dana, token, browser, payment, intentId } = await startPayment(h, staff, {
            tip: j.tip,
          });
          let shown = payment.amount as number;
          /** The customer presses Pay with `card`, accepting a changed total once it is shown. */
          const press = async (card: string) => {
            for (;;) {
              const ctoken = stripe.fake.api.createConfirmationToken(card).id;
              const sent = await answer(
                await h.request(`/v1/portal/${token}/payments/${payment.id}/confirm`, {
                  method: 'POST',
                  headers: { 'content-type': 'application/json' },
                  body: JSON.stringify({
                    confirmation_token: ctoken,
                    return_url: 'https://pay.example.test/p/x',
                    accept_total: shown,
                  }),
                }),
              );
              if (sent.status === 409 && sent.body.error.code === 'fee_changed') {
                shown = sent.body.error.payment.amount;
                continue;
              }
              expect(sent.status, JSON.stringify(sent.body)).toBe(200);
              // Stripe was asked to charge what the customer accepted, with that very card.
              const intent = stripe.fake.api.intents.get(intentId)!;
              expect(intent.amount).toBe(shown);
              expect(sent.body.funding).toBe(TEST_CARDS[card]!.funding);
              return sent.body;
            }
          };
          for (const card of j.declines) {
            expect((await press(card)).status).toBe('failed');
          }
          const last = await press(j.card);
          if (j.card === THREE_D_SECURE) {
            expect(last).toMatchObject({ status: 'requires_action' });
            stripe.fake.api.completeAction(intentId, true);
          } else {
            expect(last).toMatchObject({ status: 'succeeded', amount: shown });
          }
          const paid = stripe.fake.api.intents.get(intentId)!;
          expect(paid.amount_received).toBe(shown);
          if (j.readBeforeEvent) await browser.payment(payment.id);
          for (let n = 0; n < j.deliveries; n += 1) {
            await tellWebhook(stripe, 'payment_intent.succeeded', paid);
          }
          expect((await browser.payment(payment.id)).body).toMatchObject({ status: 'succeeded' });
          expect(await ledgerPaid(payment.id)).toBe(paid.amount_received);
          expect(await balanceOf(staff, dana.id)).toBe(0);
        }),
        { numRuns: 12 },
      );
    });
  },
);
