/** Account charges (billing line items) and credits: the staff's ways of moving a balance. */
import type { Trx } from '../db/database.ts';
import { newId, now } from '../db/ids.ts';
import type { CustomerTable } from '../db/schema.ts';
import { conflict, notFound } from '../http/errors.ts';
import { appendEntries } from '../ledger/entries.ts';
import { applyAccountCredit } from './credit-application.ts';
import { lockInvoice } from './invoices.ts';

export interface NewCharge {
  amount: number;
  tax: number;
  description: string;
  date?: string | undefined;
  /** An open invoice of the same customer that this charge is added to, as a line of its own. */
  invoice?: string | undefined;
  /** The person at the business who added it (the staff call's `added_by_name`). */
  added_by_name?: string | undefined;
}

export async function postCharge(trx: Trx, customer: CustomerTable, charge: NewCharge) {
  if (charge.invoice) await addLineToInvoice(trx, customer, charge.invoice, charge);
  const [entry] = await appendEntries(trx, ownerOf(customer), [
    {
      kind: 'charge',
      amount: charge.amount + charge.tax,
      tax: charge.tax,
      description: charge.description,
      date: charge.date,
      invoice_id: charge.invoice ?? null,
      added_by_name: charge.added_by_name ?? null,
    },
  ]);
  return entry!;
}

export async function postCredit(
  trx: Trx,
  customer: CustomerTable,
  credit: { amount: number; description: string; added_by_name?: string | undefined },
) {
  const [entry] = await appendEntries(trx, ownerOf(customer), [
    {
      kind: 'credit',
      amount: -credit.amount,
      description: credit.description,
      added_by_name: credit.added_by_name ?? null,
    },
  ]);
  // The credit pays the open invoices, oldest first; the balance is the same either way.
  await applyAccountCredit(trx, customer);
  return entry!;
}

function ownerOf(customer: CustomerTable) {
  return { business_id: customer.business_id, customer_id: customer.id };
}

async function addLineToInvoice(
  trx: Trx,
  customer: CustomerTable,
  invoiceId: string,
  charge: NewCharge,
) {
  // Customer, then invoice, held to the end: a concurrent charge, payment or void waits.
  const invoice = await lockInvoice(trx, customer.business_id, invoiceId, 'invoice');
  if (invoice.customer_id !== customer.id) throw notFound('invoice', 'invoice');
  // A draft posts its lines when finalized; a charge posted now would then be counted twice.
  if (invoice.status === 'void' || invoice.status === 'paid' || invoice.status === 'draft') {
    throw conflict(
      'invoice_not_open',
      `Invoice ${invoice.number} is ${invoice.status}.`,
      'invoice',
    );
  }
  const last = await trx
    .selectFrom('invoice_lines')
    .select('position')
    .where('document_id', '=', invoice.id)
    .orderBy('position', 'desc')
    .executeTakeFirst();
  await trx
    .insertInto('invoice_lines')
    .values({
      id: newId('lin'),
      document_id: invoice.id,
      position: (last?.position ?? 0) + 1,
      description: charge.description,
      quantity: 1,
      unit_amount: charge.amount,
      tax_rate: 0,
      amount: charge.amount,
      // A charge added later is not discounted: the invoice's discount was priced when it opened.
      discount: 0,
      tax: charge.tax,
    })
    .execute();
  await trx
    .updateTable('invoices')
    .set({
      subtotal: invoice.subtotal + charge.amount,
      tax: invoice.tax + charge.tax,
      total: invoice.total + charge.amount + charge.tax,
      updated_at: now(),
    })
    .where('id', '=', invoice.id)
    .execute();
}
