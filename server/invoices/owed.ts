/**
 * What a link shows as owed and lets the customer pay: its invoices with their amounts due, the
 * balance, and the account charges no open invoice holds. Quotes and the portal view share it, so
 * a quote can only ever be made for what the portal shows.
 */

import type { PayableState } from '../../shared/quote.ts';
import type { Db, Trx } from '../db/database.ts';
import type { InvoiceStatus, InvoiceTable } from '../db/schema.ts';
import { customerBalance } from '../ledger/entries.ts';
import type { PortalScope } from '../links/access.ts';
import { invoiceSums } from './invoices.ts';

export interface PortalInvoice extends InvoiceTable {
  /** What is still owed on it: the sum of its ledger entries, never below zero. */
  amount_due: number;
}

export interface PortalMoney {
  /** The figure the portal shows as the balance: the customer's, or the invoice's amount due. */
  balance: number;
  /** Account charges that no open invoice holds, payable as "balance". */
  balance_due: number;
  invoices: PortalInvoice[];
}

const OPEN_STATUSES: InvoiceStatus[] = ['open', 'viewed', 'partially_paid'];

export function isOpenInvoice(status: InvoiceStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

async function withAmountsDue(db: Db | Trx, invoices: InvoiceTable[]): Promise<PortalInvoice[]> {
  const sums = await invoiceSums(
    db,
    invoices.map((invoice) => invoice.id),
  );
  return invoices.map((invoice) => ({
    ...invoice,
    amount_due: Math.max(0, sums.get(invoice.id)?.amount_due ?? 0),
  }));
}

/** A customer's open invoices, oldest first. */
async function openInvoices(db: Db | Trx, customerId: string): Promise<InvoiceTable[]> {
  return db
    .selectFrom('invoices')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('status', 'in', OPEN_STATUSES)
    .orderBy('created_at', 'asc')
    .orderBy('number', 'asc')
    .execute();
}

/**
 * What a customer owes: the balance, the open invoices, and the account charges no open invoice
 * holds. The portal shows it; recording a payment allocates against it.
 */
export async function customerMoney(db: Db | Trx, customerId: string): Promise<PortalMoney> {
  const balance = await customerBalance(db, customerId);
  const invoices = await withAmountsDue(db, await openInvoices(db, customerId));
  const invoiced = invoices.reduce((sum, invoice) => sum + invoice.amount_due, 0);
  return { balance, balance_due: Math.max(0, balance - invoiced), invoices };
}

export async function portalMoney(db: Db, scope: PortalScope): Promise<PortalMoney> {
  if (scope.link.kind === 'customer') return customerMoney(db, scope.customer.id);
  if (scope.link.kind === 'invoice' && scope.invoice) {
    const invoices = await withAmountsDue(db, [scope.invoice]);
    return { balance: invoices[0]!.amount_due, balance_due: 0, invoices };
  }
  // An estimate owes nothing until it is approved.
  return { balance: 0, balance_due: 0, invoices: [] };
}

/** What a quote may ask for on this link, in the terms of shared/quote.ts. */
export function payableState(scope: PortalScope, money: PortalMoney): PayableState {
  const { tips, partial_payments } = scope.settings;
  return {
    invoices: money.invoices
      .filter((invoice) => isOpenInvoice(invoice.status) && invoice.amount_due > 0)
      .map((invoice) => ({ id: invoice.id, amount_due: invoice.amount_due })),
    balance_due: money.balance_due,
    partial_payments,
    tip_options: tips.enabled
      ? { percentages: tips.percentages, custom: tips.custom }
      : { percentages: [], custom: false },
  };
}
