import { type Kysely, sql } from 'kysely';

// Frozen in time: this file imports nothing from the app. Issue 13: "open invoices with their
// amounts due" in a portal read, and "a customer with 200 open invoices … within 1.5× of a
// customer with one invoice".
//
// `balance`: the sum of the invoice's ledger entries, kept by the ledger (appendEntries) in the
// same transaction as each entry it adds, so that listing open invoices with what they owe reads
// no entries. The ledger stays the record; this is its running sum per invoice, as
// `balance_after` is per customer.
//
// `invoices_open_idx`: a customer's open invoices in the order the portal lists them (oldest
// first) with their balances, so that a page of them is read straight off the index and stops
// at its end, and what they all owe is summed from the index alone. Partial: paid and void
// invoices, most of a long history, are not in it.
//
// `invoices_customer_idx` (customer, status) gains the balance too: counting a customer's open
// invoices and summing what they owe is then read from it alone.

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was, untyped.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('invoices')
    .addColumn('balance', 'bigint', (column) => column.notNull().defaultTo(0))
    .execute();
  await sql`update invoices set balance = (select coalesce(sum(le.amount), 0)
    from ledger_entries le where le.invoice_id = invoices.id)`.execute(db);
  await db.schema
    .createIndex('invoices_open_idx')
    .on('invoices')
    .columns(['customer_id', 'created_at', 'number', 'balance'])
    .where(sql.ref('status'), 'in', ['open', 'viewed', 'partially_paid'])
    .execute();
  await db.schema.dropIndex('invoices_customer_idx').execute();
  await db.schema
    .createIndex('invoices_customer_idx')
    .on('invoices')
    .columns(['customer_id', 'status', 'balance'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('invoices_customer_idx').execute();
  await db.schema
    .createIndex('invoices_customer_idx')
    .on('invoices')
    .columns(['customer_id', 'status'])
    .execute();
  await db.schema.dropIndex('invoices_open_idx').execute();
  await db.schema.alterTable('invoices').dropColumn('balance').execute();
}
