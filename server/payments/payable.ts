/**
 * What a link lets the customer pay: its invoices with their amounts due, the balance, and the
 * account charges no open invoice holds. Quotes, the portal view and a payment's holds share it,
 * so a quote or a payment can only ever be made for what the portal shows.
 */
import type { PayableState, QuoteInput, QuoteProblem } from '../../shared/quote.ts';
import type { Db, Trx } from '../db/database.ts';
import { type ApiError, unprocessable } from '../http/errors.ts';
import { FIRST_INVOICES, firstOpenInvoices, type ListedInvoice } from '../invoices/open-page.ts';
import { customerMoney, isOpenInvoice, type MoneyOwed, withAmountsDue } from '../invoices/owed.ts';
import { customerBalance } from '../ledger/entries.ts';
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

/** What the link's invoices add up to, when the portal shows only the first of them. */
export interface InvoicesSummary {
  count: number;
  amount_due: number;
  has_more: boolean;
}

/** What the portal shows of MoneyOwed: the first page of invoices, as a list shows them. */
export interface ListedMoney extends Omit<MoneyOwed, 'invoices'> {
  invoices: ListedInvoice[];
  summary: InvoicesSummary;
}

/**
 * portalMoney with only the first page of a customer's open invoices (issue 13: a customer with
 * 200 reads as fast as one with one), and what all of them add up to. `balance_due` is the same.
 */
export async function portalMoneyFirstPage(db: Db, scope: PortalScope): Promise<ListedMoney> {
  if (scope.link.kind === 'customer') {
    const balance = scope.facts?.balance ?? (await customerBalance(db, scope.customer.id));
    const page = await firstOpenInvoices(
      db,
      scope.customer.id,
      FIRST_INVOICES,
      scope.facts?.openInvoices,
    );
    return {
      balance,
      balance_due: Math.max(0, balance - page.amountDue),
      invoices: page.invoices,
      summary: {
        count: page.count,
        amount_due: page.amountDue,
        has_more: page.count > page.invoices.length,
      },
    };
  }
  const money = await portalMoney(db, scope);
  const amountDue = money.invoices.reduce((sum, invoice) => sum + invoice.amount_due, 0);
  return {
    ...money,
    summary: { count: money.invoices.length, amount_due: amountDue, has_more: false },
  };
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
