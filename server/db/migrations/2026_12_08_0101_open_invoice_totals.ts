import { type Kysely, SqliteAdapter, sql } from 'kysely';

// Frozen in time: this file imports nothing from the app. Issue 13: "a customer with 200 open
// invoices … within 1.5× of a customer with one invoice". The portal's first page of open
// invoices comes with how many are open and what they owe together; counting and summing them
// read every one of a customer's open invoices from the index, the one cost that grew with them.
//
// `open_invoice_totals`: per customer, how many invoices are open (open, viewed, partially paid)
// and what they owe together (each one's balance, never below zero). Kept by triggers on
// `invoices`, so no code path that issues, pays, refunds, voids or deletes an invoice can leave it
// behind, in the same transaction as the change. The invoices stay the record; this is their sum.
//
// SQLite only. SQLite runs one writer at a time, so a trigger that updates a customer's totals
// row adds no waiting. On PostgreSQL the same trigger would lock that row in every transaction
// that moves one of the customer's invoices, in an order the ledger's customer lock does not
// follow, and two such transactions could deadlock; there the totals are still counted on read
// (server/invoices/open-page.ts).

const OPEN = `('open', 'viewed', 'partially_paid')`;

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was, untyped.
function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

// biome-ignore lint/suspicious/noExplicitAny: migrations see the database as it was, untyped.
export async function up(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return;
  await sql`create table open_invoice_totals (
    customer_id text primary key references customers (id),
    invoices integer not null,
    owed integer not null
  ) without rowid`.execute(db);
  await sql
    .raw(`insert into open_invoice_totals (customer_id, invoices, owed)
      select customer_id, count(*), sum(max(balance, 0)) from invoices
      where status in ${OPEN} group by customer_id`)
    .execute(db);
  // An open invoice added, or one that becomes open (a draft issued, a paid one refunded).
  const add = (row: 'new') => `
    insert into open_invoice_totals (customer_id, invoices, owed)
      select ${row}.customer_id, 1, max(${row}.balance, 0) where ${row}.status in ${OPEN}
      on conflict (customer_id) do update
        set invoices = invoices + 1, owed = owed + excluded.owed;`;
  // An open invoice gone, or one that stops being open (paid, voided).
  const remove = (row: 'old') => `
    update open_invoice_totals
      set invoices = invoices - 1, owed = owed - max(${row}.balance, 0)
      where customer_id = ${row}.customer_id and ${row}.status in ${OPEN};`;
  await sql
    .raw(`create trigger open_invoice_totals_insert after insert on invoices
      when new.status in ${OPEN}
      begin ${add('new')} end`)
    .execute(db);
  await sql
    .raw(`create trigger open_invoice_totals_delete after delete on invoices
      when old.status in ${OPEN}
      begin ${remove('old')} end`)
    .execute(db);
  // Only when what the totals count changes: not for open → viewed, nor for a draft's edits.
  await sql
    .raw(`create trigger open_invoice_totals_update
      after update of status, balance, customer_id on invoices
      when (old.status in ${OPEN}) <> (new.status in ${OPEN})
        or (new.status in ${OPEN}
          and (old.balance <> new.balance or old.customer_id <> new.customer_id))
      begin ${remove('old')} ${add('new')} end`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  if (!isSqlite(db)) return;
  for (const trigger of ['insert', 'delete', 'update']) {
    await sql.raw(`drop trigger open_invoice_totals_${trigger}`).execute(db);
  }
  await sql`drop table open_invoice_totals`.execute(db);
}
