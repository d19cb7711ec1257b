import type { Kysely } from 'kysely';

// Frozen in time: this file imports nothing from the app. Issue 11: an invoice's discount, applied
// before tax. The invoice keeps what staff asked for (an amount off, or a rate off in basis
// points), its description and the amount it came to; each line keeps its share of it, so the
// line's tax and its ledger charge can be read back as they were computed. Estimates' lines share
// the line table's shape and keep 0.

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was, untyped.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('invoices').addColumn('discount_type', 'text').execute();
  await db.schema.alterTable('invoices').addColumn('discount_rate', 'integer').execute();
  await db.schema
    .alterTable('invoices')
    .addColumn('discount_amount', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('invoices').addColumn('discount_description', 'text').execute();
  for (const table of ['invoice_lines', 'estimate_lines']) {
    await db.schema
      .alterTable(table)
      .addColumn('discount', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['invoice_lines', 'estimate_lines']) {
    await db.schema.alterTable(table).dropColumn('discount').execute();
  }
  for (const column of [
    'discount_type',
    'discount_rate',
    'discount_amount',
    'discount_description',
  ]) {
    await db.schema.alterTable('invoices').dropColumn(column).execute();
  }
}
