/** The credit suites' reads and checks: an invoice as staff read it, the balance as entries sum. */
import { expect } from 'vitest';
import type { Db } from '../../server/db/database.ts';
import { balanceOf } from '../support/fixtures.ts';
import type { StaffClient } from '../support/harness.ts';

/** The reads and checks of the credit suites, over the harness's database. */
export function creditChecks(h: { db: Db }) {
  const invoiceView = async (staff: StaffClient, id: string) =>
    (await staff.get(`/v1/invoices/${id}`)).body;

  /** The balance the API reports is the sum of the entries, and each entry's running sum holds. */
  async function expectBalanceIsSumOfEntries(staff: StaffClient, customer: string) {
    const rows = await h.db
      .selectFrom('ledger_entries')
      .select(['amount', 'balance_after'])
      .where('customer_id', '=', customer)
      .orderBy('seq')
      .execute();
    let sum = 0;
    for (const row of rows) {
      sum += Number(row.amount);
      expect(Number(row.balance_after)).toBe(sum);
    }
    expect(await balanceOf(staff, customer)).toBe(sum);
    return sum;
  }

  return { invoiceView, expectBalanceIsSumOfEntries };
}
