/**
 * What a link lets the customer pay: its invoices with their amounts due, the balance, and the
 * account charges no open invoice holds. Quotes, the portal view and a payment's holds share it,
 * so a quote or a payment can only ever be made for what the portal shows.
 */
import type { PayableState, QuoteInput, QuoteProblem } from '../../shared/quote.ts';
import type { Db, Trx } from '../db/database.ts';
import { type ApiError, unprocessable } from '../http/errors.ts';
import { customerMoney, isOpenInvoice, type MoneyOwed, withAmountsDue } from '../invoices/owed.ts';
import { invoiceVoided, type PortalScope } from '../links/access.ts';

export async function portalMoney(db: Db, scope: PortalScope): Promise<MoneyOwed> {
  if (scope.link.kind === 'customer') {
    // The balance read with the link serves a read; a transaction (a payment's holds) reads its
    // own, after it locked the customer.
    const balance = db.isTransaction ? undefined : scope.facts?.balance;
    return customerMoney(db, scope.customer.id, balance);
  }
  if (scope.link.kind === 'invoice' && scope.invoice) {
    const invoices = await withAmountsDue(db, [scope.invoice]);
    return { balance: invoices[0]!.amount_due, balance_due: 0, invoices };
  }
  // An estimate owes nothing until it is approved.
  return { balance: 0, balance_due: 0, invoices: [] };
}

/** What a quote may ask for on this link, in the terms of shared/quote.ts. */
export function payableState(scope: PortalScope, money: MoneyOwed): PayableState {
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

/**
 * The refusal of a quote or payment the checks found wrong. An invoice the link no longer shows
 * because staff voided it says so ("cancelled by …; nothing was charged"); any other unknown
 * invoice, another customer's included, is the same 422 as an unknown id.
 */
export async function quoteRefusal(
  db: Db | Trx,
  scope: PortalScope,
  input: QuoteInput,
  problem: QuoteProblem,
): Promise<ApiError> {
  const index = /^invoices\[(\d+)\]/.exec(problem.param ?? '')?.[1];
  const id = index === undefined ? undefined : input.invoices?.[Number(index)]?.id;
  if (problem.code === 'unknown_invoice' && id) {
    const voided = await db
      .selectFrom('invoices')
      .select('id')
      .where('id', '=', id)
      .where('customer_id', '=', scope.customer.id)
      .where('status', '=', 'void')
      .executeTakeFirst();
    if (voided) return invoiceVoided(scope.business.name);
  }
  return unprocessable(problem.code, problem.message, problem.param);
}
