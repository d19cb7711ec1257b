/**
 * Migration 2026_12_07_0101 gives every invoice a stored balance, the sum of its ledger entries
 * (issue 13). A store with invoices already paid, part paid and voided before it ran gets each
 * one's sum, and the portal's list and totals read them the same as before.
 */
import { describe, expect, it } from 'vitest';
import * as invoiceBalances from '../../server/db/migrations/2026_12_07_0101_invoice_balances.ts';
import * as openInvoiceTotals from '../../server/db/migrations/2026_12_08_0101_open_invoice_totals.ts';
import { testStores } from '../support/databases.ts';
import { createCustomer, createInvoice, createPaymentLink } from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { openPortal } from '../support/portal-client.ts';

describe.each(testStores)('invoice balances migration on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

  it('fills each invoice with the sum of its entries, paid, part paid or void', async () => {
    const staff = await h.business();
    const dana = await createCustomer(staff, { name: 'Dana Diaz' });
    const paid = await createInvoice(staff, dana.id, 12_000);
    const partly = await createInvoice(staff, dana.id, 8_000);
    const voided = await createInvoice(staff, dana.id, 5_000);
    const open = await createInvoice(staff, dana.id, 3_000);
    expect((await staff.post(`/v1/invoices/${voided.id}/void`, {})).status).toBe(200);
    await staff.patch('/v1/settings', { partial_payments: { enabled: true, minimum: 100 } });
    const customer = openPortal(h, await createPaymentLink(staff, { customer: dana.id }));
    const payment = await customer.pay({
      invoices: [
        { id: paid.id, amount: 12_000 },
        { id: partly.id, amount: 2_500 },
      ],
      method: 'card',
    });
    expect(payment.body.status).toBe('succeeded');
    const before = (await customer.get()).body;

    // The store as it was before the migration, then the migration (and the one after it, whose
    // triggers read the balance).
    await openInvoiceTotals.down(h.db);
    await invoiceBalances.down(h.db);
    await invoiceBalances.up(h.db);
    await openInvoiceTotals.up(h.db);

    const balances = Object.fromEntries(
      (await h.db.selectFrom('invoices').select(['id', 'balance']).execute()).map((row) => [
        row.id,
        Number(row.balance),
      ]),
    );
    expect(balances).toEqual({
      [paid.id]: 0,
      [partly.id]: 5_500,
      [voided.id]: 0,
      [open.id]: 3_000,
    });
    const after = (await customer.get()).body;
    expect(after.invoices.map((i: { amount_due: number }) => i.amount_due)).toEqual([5_500, 3_000]);
    expect(after.invoices_summary).toEqual(before.invoices_summary);
    expect(after.balance_due).toBe(before.balance_due);
  });
});
