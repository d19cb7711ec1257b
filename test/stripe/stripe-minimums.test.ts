/**
 * A payment Stripe would refuse, or does refuse (issue 10, defect 4): the portal knows Stripe's
 * minimum charge per currency and says so before calling Stripe; and when Stripe refuses to
 * create a PaymentIntent, our payment is canceled and its holds freed at once, so the customer
 * can pay what Stripe takes straight away.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { createBusiness, createInvoice } from '../support/fixtures.ts';
import { openPortal } from '../support/portal-client.ts';
import { owingCustomer } from '../support/scenarios.ts';
import { useStripeHarness } from './support.ts';

describe.each(testStores)('Stripe minimums and refusals on $name', (store) => {
  const stripe = useStripeHarness(store, 'minimums');
  const { h } = stripe;

  const creates = () => stripe.fake.requestsTo('POST', '/v1/payment_intents').length;

  it('refuses 0.40 USD and 40 JPY itself, naming the minimum, without asking Stripe', async () => {
    for (const [currency, amount, words] of [
      ['usd', 40, '$0.50'],
      ['jpy', 40, '¥50'],
    ] as const) {
      const staff = await createBusiness(h, { name: 'Tiny Tabs', currency });
      const { invoice, link } = await owingCustomer(staff, amount);
      const before = creates();
      const refused = await openPortal(h, link).create({
        invoices: [{ id: invoice.id, amount }],
        method: 'card',
      });
      expect(refused.status, JSON.stringify(refused.body)).toBe(422);
      expect(refused.body.error).toMatchObject({ code: 'amount_too_small' });
      expect(refused.body.error.message).toContain(words);
      expect(creates()).toBe(before);
    }
  });

  it('cancels the payment Stripe refused and frees its hold at once', async () => {
    const staff = await createBusiness(h, {
      name: 'Big Builds',
      currency: 'usd',
      settings: { partial_payments: { enabled: true, minimum: 100 } },
    });
    // 1,000,000.00: above Stripe's largest charge (999,999.99), which Stripe refuses.
    const { customer, invoice, link } = await owingCustomer(staff, 100_000_000);
    const browser = openPortal(h, link);
    const refused = await browser.create({
      invoices: [{ id: invoice.id, amount: 100_000_000 }],
      method: 'card',
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body.error.code).toBe('provider_amount_too_large');
    const payments = await h.db
      .selectFrom('payments')
      .select(['id', 'status'])
      .where('customer_id', '=', customer.id)
      .execute();
    expect(payments).toEqual([expect.objectContaining({ status: 'canceled' })]);
    const holds = await h.db
      .selectFrom('payment_holds')
      .select('id')
      .where('payment_id', '=', payments[0]!.id)
      .execute();
    expect(holds).toEqual([]);

    // A second invoice, paid at once: nothing of the refused attempt stands in the way.
    const small = await createInvoice(staff, customer.id, 5_000);
    const paid = await browser.create({
      invoices: [{ id: small.id, amount: 5_000 }],
      method: 'card',
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    const again = await browser.create({
      invoices: [{ id: invoice.id, amount: 99_999_999 }],
      method: 'card',
    });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
  });

  it('refuses a three-decimal currency Stripe would round (KWD): at a currency change and at payment', async () => {
    const staff = await createBusiness(h, { name: 'Gulf Pools', currency: 'usd' });
    const changed = await staff.patch('/v1/settings', { currency: 'kwd' });
    expect(changed.status).toBe(422);
    expect(changed.body.error).toMatchObject({ code: 'currency_unsupported', param: 'currency' });
    expect((await staff.get('/v1/settings')).body.currency).toBe('usd');

    // A business made in KWD before the rule: its payment is refused before Stripe is asked.
    const older = await createBusiness(h, { name: 'Old Gulf Pools', currency: 'kwd' });
    const { invoice, link } = await owingCustomer(older, 10_005);
    const before = creates();
    const refused = await openPortal(h, link).create({
      invoices: [{ id: invoice.id, amount: 10_005 }],
      method: 'card',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('currency_unsupported');
    expect(refused.body.error.message).toContain('KWD');
    expect(creates()).toBe(before);
  });
});
