/**
 * What a link lets the customer pay: its invoices with their amounts due, the balance, and the
 * account charges no open invoice holds. Quotes, the portal view and a payment's holds share it,
 * so a quote or a payment can only ever be made for what the portal shows.
 */
import type { PayableState } from '../../shared/quote.ts';
import type { Db } from '../db/database.ts';
import { customerMoney, isOpenInvoice, type MoneyOwed, withAmountsDue } from '../invoices/owed.ts';
import type { PortalScope } from '../links/access.ts';

export async function portalMoney(db: Db, scope: PortalScope): Promise<MoneyOwed> {
  if (scope.link.kind === 'customer') return customerMoney(db, scope.customer.id);
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
