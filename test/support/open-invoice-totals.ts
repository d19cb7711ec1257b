/**
 * The open invoice totals SQLite keeps per customer (migration 2026_12_08_0101, issue 13) are what
 * counting and summing the customer's open invoices gives. Checked after every suite that uses the
 * harness, so each invoice issued, paid, refunded, voided or deleted by the suites is a case.
 * PostgreSQL keeps no totals: it counts on read.
 */
import { sql } from 'kysely';
import { type Db, isPostgres } from '../../server/db/database.ts';

interface Totals {
  customer_id: string;
  invoices: number;
  owed: number;
}

export async function openInvoiceTotalsAgreeWithInvoices(db: Db): Promise<void> {
  if (isPostgres(db)) return;
  const { rows: counted } = await sql<Totals>`
    select customer_id, count(*) as invoices, sum(max(balance, 0)) as owed from invoices
    where status in ('open', 'viewed', 'partially_paid') group by customer_id`.execute(db);
  const { rows: stored } = await sql<Totals>`
    select customer_id, invoices, owed from open_invoice_totals`.execute(db);
  const storedBy = new Map(stored.map((row) => [row.customer_id, row]));
  const wrong: string[] = [];
  for (const row of counted) {
    const kept = storedBy.get(row.customer_id);
    storedBy.delete(row.customer_id);
    if (
      Number(kept?.invoices) !== Number(row.invoices) ||
      Number(kept?.owed) !== Number(row.owed)
    ) {
      wrong.push(
        `${row.customer_id}: counted ${row.invoices} owing ${row.owed}, stored ${kept?.invoices} owing ${kept?.owed}`,
      );
    }
  }
  // Customers whose invoices are all paid keep a row of zeros.
  for (const kept of storedBy.values()) {
    if (Number(kept.invoices) !== 0 || Number(kept.owed) !== 0) {
      wrong.push(`${kept.customer_id}: none open, stored ${kept.invoices} owing ${kept.owed}`);
    }
  }
  if (wrong.length > 0) {
    throw new Error(`open invoice totals disagree with the invoices:\n${wrong.join('\n')}`);
  }
}
