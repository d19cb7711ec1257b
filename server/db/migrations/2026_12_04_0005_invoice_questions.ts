import type { Kysely } from 'kysely';

// Frozen in time: this file imports nothing from the app. The questions customers ask about an
// invoice from its page ("Ask a question"), kept like those about estimates: the message, the
// link it came through, from where, and the outbox message that took it to the business.

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was, untyped.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('invoice_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
    .addColumn('invoice_id', 'text', (c) => c.notNull().references('invoices.id'))
    .addColumn('payment_link_id', 'text', (c) => c.references('payment_links.id'))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('client_address', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text')
    .addColumn('email_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('invoice_questions_invoice_idx')
    .on('invoice_questions')
    .columns(['invoice_id', 'created_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('invoice_questions').execute();
}
