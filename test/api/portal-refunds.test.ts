/**
 * Refunds the customer can see (issue 11): the portal's payment history carries what was given
 * back of each payment and each refund, on the link the payment was made through; a link that
 * shows only an invoice's part of a payment made elsewhere shows none of its refunds.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { createPaymentLink, made } from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { openPortal } from '../support/portal-client.ts';
import { billedCustomer } from '../support/scenarios.ts';

describe.each(testStores)('refunds in the portal on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

  it('shows amount_refunded and each refund in the history and the payment', async () => {
    const { staff, invoice, link } = await billedCustomer(h);
    const customer = openPortal(h, link);
    const paid = made(
      'pay',
      await customer.pay({
        invoices: [{ id: invoice.id, amount: 10_825 }],
        method: 'us_bank_account',
        save_payment_method: false,
        sms_consent: null,
      }),
    );
    expect(paid).toMatchObject({ amount_refunded: 0, refunds: [] });
    made('refund', await staff.post(`/v1/payments/${paid.id}/refunds`, { amount: 2_500 }));
    made('refund', await staff.post(`/v1/payments/${paid.id}/refunds`, { amount: 1_000 }));

    const history = made('history', await customer.history());
    expect(history.data).toEqual([
      expect.objectContaining({
        id: paid.id,
        amount: 10_825,
        amount_refunded: 3_500,
        refunds: [
          expect.objectContaining({ amount: 2_500, status: 'succeeded' }),
          expect.objectContaining({ amount: 1_000, status: 'succeeded' }),
        ],
      }),
    ]);
    const one = made('payment', await customer.payment(paid.id));
    expect(one.amount_refunded).toBe(3_500);

    // The invoice's own link shows its part of the payment, not refunds that may be of others.
    const invoiceLink = openPortal(h, await createPaymentLink(staff, { invoice: invoice.id }));
    const seen = made('history', await invoiceLink.history());
    expect(seen.data).toEqual([
      expect.objectContaining({ id: paid.id, amount_refunded: 0, refunds: [] }),
    ]);
  });
});
