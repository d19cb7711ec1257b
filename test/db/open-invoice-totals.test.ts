/**
 * A customer with more open invoices than the portal's first page (issue 13): the portal answer
 * still says how many are open and what they owe together, as invoices are issued, viewed, part
 * paid, paid, refunded and voided. SQLite keeps those totals by trigger (migration
 * 2026_12_08_0101) and the link's read returns them; PostgreSQL counts them on read. Both must
 * give what the invoices add up to, and the SQLite store's row must be that sum at every step.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { isPostgres } from '../../server/db/database.ts';
import * as openInvoiceTotals from '../../server/db/migrations/2026_12_08_0101_open_invoice_totals.ts';
import { FIRST_INVOICES } from '../../server/invoices/open-page.ts';
import { testStores } from '../support/databases.ts';
import { createCustomer, createInvoice, createPaymentLink } from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { openPortal } from '../support/portal-client.ts';

describe.each(testStores)('open invoice totals on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

  /** The stored row on SQLite; on PostgreSQL, that there is no such table. */
  async function storedTotals(customerId: string) {
    if (isPostgres(h.db)) return undefined;
    const { rows } = await sql<{ invoices: number; owed: number }>`
      select invoices, owed from open_invoice_totals where customer_id = ${customerId}`.execute(
      h.db,
    );
    return rows[0] ? { count: Number(rows[0].invoices), owed: Number(rows[0].owed) } : undefined;
  }

  async function customerWithInvoices(count: number) {
    const staff = await h.business();
    await staff.patch('/v1/settings', { partial_payments: { enabled: true, minimum: 100 } });
    const dana = await createCustomer(staff, { name: 'Dana Diaz' });
    const invoices = [];
    for (let n = 0; n < count; n += 1) invoices.push(await createInvoice(staff, dana.id, 1_000));
    const customer = openPortal(h, await createPaymentLink(staff, { customer: dana.id }));
    return { staff, dana, invoices, customer };
  }

  it('follows every move of an invoice into and out of the open ones', async () => {
    const { staff, dana, invoices, customer } = await customerWithInvoices(FIRST_INVOICES + 2);
    const [first, second, third] = invoices;
    const summary = async () => (await customer.get()).body.invoices_summary;
    const expectTotals = async (count: number, owed: number) => {
      expect(await summary()).toEqual({
        count,
        amount_due: owed,
        has_more: count > FIRST_INVOICES,
      });
      if (!isPostgres(h.db)) expect(await storedTotals(dana.id)).toEqual({ count, owed });
    };
    await expectTotals(12, 12_000);

    // Seen: open → viewed changes nothing counted.
    expect((await customer.view()).status).toBe(204);
    await expectTotals(12, 12_000);

    // Part paid: still open, owing less.
    const part = await customer.pay({ invoices: [{ id: first!.id, amount: 400 }], method: 'card' });
    expect(part.body.status).toBe('succeeded');
    await expectTotals(12, 11_600);

    // Paid in full: no longer open.
    const paid = await customer.pay({
      invoices: [{ id: second!.id, amount: 1_000 }],
      method: 'card',
    });
    expect(paid.body.status).toBe('succeeded');
    await expectTotals(11, 10_600);

    // Refunded: open again, owing what was refunded.
    expect((await staff.post(`/v1/payments/${paid.body.id}/refunds`, { amount: 300 })).status).toBe(
      200,
    );
    await expectTotals(12, 10_900);

    // Voided: gone from the open ones.
    expect((await staff.post(`/v1/invoices/${third!.id}/void`, {})).status).toBe(200);
    await expectTotals(11, 9_900);

    // A new one issued.
    await createInvoice(staff, dana.id, 2_500);
    await expectTotals(12, 12_400);
  });

  it('is filled from the invoices already there when the migration runs', async () => {
    const { dana, invoices, customer } = await customerWithInvoices(FIRST_INVOICES + 3);
    const paid = await customer.pay({
      invoices: [
        { id: invoices[0]!.id, amount: 1_000 },
        { id: invoices[1]!.id, amount: 250 },
      ],
      method: 'card',
    });
    expect(paid.body.status).toBe('succeeded');
    const before = (await customer.get()).body;
    expect(before.invoices_summary).toEqual({ count: 12, amount_due: 11_750, has_more: true });

    await openInvoiceTotals.down(h.db);
    await openInvoiceTotals.up(h.db);

    if (!isPostgres(h.db)) expect(await storedTotals(dana.id)).toEqual({ count: 12, owed: 11_750 });
    const after = (await customer.get()).body;
    expect(after.invoices_summary).toEqual(before.invoices_summary);
    expect(after.balance_due).toBe(before.balance_due);
  });
});
