import type { Kysely } from 'kysely';

// Frozen in time: this file imports nothing from the app. Issue 13: "open invoices with their
// amounts due" in a portal read, for a customer with 200 of them. An invoice's amount due is the
// sum of its ledger entries' amounts; with the amount in the index beside the invoice, the sum is
// read from the index alone, not from each entry's row. It replaces the index on invoice_id
// alone, which it covers.

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was, untyped.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('ledger_entries_invoice_amount_idx')
    .on('ledger_entries')
    .columns(['invoice_id', 'amount'])
    .execute();
  await db.schema.dropIndex('ledger_entries_invoice_idx').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('ledger_entries_invoice_idx')
    .on('ledger_entries')
    .column('invoice_id')
    .execute();
  await db.schema.dropIndex('ledger_entries_invoice_amount_idx').execute();
}
