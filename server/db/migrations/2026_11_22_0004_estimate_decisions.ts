import { type Kysely, PostgresAdapter } from 'kysely';

// Frozen in time: this file imports nothing from the app. What customers decide about estimates
// (approved with a signature, or declined), the questions they ask, and the deposits paid on
// approved estimates until the estimate becomes an invoice and the deposit is credited to it.

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was, untyped.
export async function up(db: Kysely<any>): Promise<void> {
  // Raw PNG bytes: bytea on PostgreSQL, blob on SQLite (both read back as a Buffer).
  const bytes = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';

  // One decision per estimate, kept as it was made: who signed, how, when, from where.
  await db.schema
    .createTable('estimate_decisions')
    .addColumn('estimate_id', 'text', (c) => c.primaryKey().references('estimates.id'))
    .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('signature_type', 'text')
    .addColumn('signer_name', 'text')
    .addColumn('signature_png', bytes)
    .addColumn('reason', 'text')
    .addColumn('payment_link_id', 'text', (c) => c.references('payment_links.id'))
    .addColumn('client_address', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'text', (c) => c.references('invoices.id'))
    .addColumn('invoiced_at', 'text')
    .execute();

  await db.schema
    .createTable('estimate_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
    .addColumn('estimate_id', 'text', (c) => c.notNull().references('estimates.id'))
    .addColumn('payment_link_id', 'text', (c) => c.references('payment_links.id'))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('client_address', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .addColumn('email_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('estimate_questions_estimate_idx')
    .on('estimate_questions')
    .columns(['estimate_id', 'created_at'])
    .execute();

  // The deposit part of a recorded payment; `invoice_id` once it was credited to the invoice
  // the estimate became.
  await db.schema
    .createTable('estimate_deposits')
    .addColumn('payment_id', 'text', (c) => c.primaryKey())
    .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('estimate_id', 'text', (c) => c.notNull().references('estimates.id'))
    .addColumn('amount', 'bigint', (c) => c.notNull())
    .addColumn('invoice_id', 'text', (c) => c.references('invoices.id'))
    .addColumn('credited', 'bigint')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('credited_at', 'text')
    .execute();
  await db.schema
    .createIndex('estimate_deposits_estimate_idx')
    .on('estimate_deposits')
    .column('estimate_id')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['estimate_deposits', 'estimate_questions', 'estimate_decisions']) {
    await db.schema.dropTable(table).execute();
  }
}
