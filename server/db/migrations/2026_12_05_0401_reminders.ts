import type { Kysely } from 'kysely';

// Frozen in time: this file imports nothing from the app. Issue 12: the business's public page
// slug (unique: /b/:slug finds one business), and every reminder sent. A reminder's row is its
// claim: one row per (kind, what it is about, slot), so two server processes that both find it
// due insert it once, and only the one that inserted it queues the message.

// An outbox message may name the estimate whose signed PDF it carries (approval confirmations).

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was, untyped.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox_messages').addColumn('estimate_id', 'text').execute();
  await db.schema.alterTable('businesses').addColumn('slug', 'text').execute();
  await db.schema
    .createIndex('businesses_slug_idx')
    .on('businesses')
    .column('slug')
    .unique()
    .execute();
  await db.schema
    .createTable('reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('business_id', 'text', (c) => c.notNull().references('businesses.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('payment_link_id', 'text', (c) => c.notNull().references('payment_links.id'))
    .addColumn('invoice_id', 'text', (c) => c.references('invoices.id'))
    .addColumn('estimate_id', 'text', (c) => c.references('estimates.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reminders_once_idx')
    .on('reminders')
    .columns(['kind', 'subject_id', 'slot'])
    .unique()
    .execute();
  await db.schema
    .createIndex('reminders_subject_idx')
    .on('reminders')
    .columns(['subject_id', 'created_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reminders').execute();
  await db.schema.dropIndex('businesses_slug_idx').execute();
  await db.schema.alterTable('businesses').dropColumn('slug').execute();
  await db.schema.alterTable('outbox_messages').dropColumn('estimate_id').execute();
}
