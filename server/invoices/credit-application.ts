/**
 * Account credit applied to open invoices. A credit, an overpayment or a voided invoice can leave
 * the customer's balance below what their open invoices ask for; that difference is credit no
 * invoice has taken yet. It is applied here, oldest invoice first, so each invoice asks for what
 * the customer really owes on it and the portal never offers more than the balance.
 *
 * Each application is a pair of adjustments that nets to zero on the balance (the ledger stays
 * append-only and the balance is untouched): −x on the invoice, +x on the account. Voiding an
 * invoice posts the mirror pair for each application first, so the credit goes back to the
 * account (and on to the next open invoice) rather than vanishing with the void.
 *
 * A deposit paid on an estimate that is not an invoice yet is account credit on the ledger but
 * belongs to that estimate: it stays held for it (server/estimates/deposits.ts moves it onto the
 * invoice the estimate becomes) and is never applied to other invoices.
 *
 * Lock order as everywhere (server/invoices/invoices.ts): the customer first, then the invoices.
 */
import type { Trx } from '../db/database.ts';
import type { CustomerTable, InvoiceTable } from '../db/schema.ts';
import { depositsHeld } from '../ledger/deposits-held.ts';
import { appendEntries, lockCustomer, type NewLedgerEntry } from '../ledger/entries.ts';
import { CREDIT_APPLIED, CREDIT_RETURNED, customerMoney } from './owed.ts';
import { settleInvoiceStatus } from './status.ts';

type Owner = Pick<CustomerTable, 'id' | 'business_id'>;

/**
 * Applies the customer's unapplied account credit to their open invoices, oldest first, and
 * settles each invoice it touched (all of it covered → paid). Returns the invoices credited.
 * Call inside the transaction that changed the balance or the invoices, after its entries.
 */
export async function applyAccountCredit(trx: Trx, customer: Owner): Promise<string[]> {
  await lockCustomer(trx, customer.id);
  const money = await customerMoney(trx, customer.id);
  const invoiced = money.invoices.reduce((sum, invoice) => sum + invoice.amount_due, 0);
  let unapplied = invoiced - money.balance - (await depositsHeld(trx, customer.id));
  if (unapplied <= 0) return [];
  const entries: NewLedgerEntry[] = [];
  const credited: string[] = [];
  for (const invoice of money.invoices) {
    const amount = Math.min(unapplied, invoice.amount_due);
    if (amount <= 0) continue;
    unapplied -= amount;
    credited.push(invoice.id);
    entries.push(
      { kind: 'adjustment', amount: -amount, description: CREDIT_APPLIED, invoice_id: invoice.id },
      {
        kind: 'adjustment',
        amount,
        description: `Account credit applied to ${invoice.number}`,
        invoice_id: null,
      },
    );
    if (unapplied === 0) break;
  }
  await appendEntries(
    trx,
    { business_id: customer.business_id, customer_id: customer.id },
    entries,
  );
  for (const invoiceId of credited) await settleInvoiceStatus(trx, invoiceId);
  return credited;
}

/**
 * Gives back every application of account credit to the invoice (for a void): the mirror pair
 * of each, +x on the invoice and −x on the account, so the invoice asks for its charges again
 * and the account holds the credit. Nothing when no credit was applied. Customer held first.
 */
export async function returnAppliedCredit(
  trx: Trx,
  invoice: Pick<InvoiceTable, 'id' | 'number' | 'business_id' | 'customer_id'>,
): Promise<number> {
  const applications = await trx
    .selectFrom('ledger_entries')
    .select('amount')
    .where('invoice_id', '=', invoice.id)
    .where('kind', '=', 'adjustment')
    .where('description', '=', CREDIT_APPLIED)
    .orderBy('seq')
    .execute();
  const entries: NewLedgerEntry[] = applications.flatMap(({ amount }) => [
    {
      kind: 'adjustment' as const,
      amount: -Number(amount),
      description: CREDIT_RETURNED,
      invoice_id: invoice.id,
    },
    {
      kind: 'adjustment' as const,
      amount: Number(amount),
      description: `Account credit returned from ${invoice.number}`,
      invoice_id: null,
    },
  ]);
  if (entries.length === 0) return 0;
  await appendEntries(
    trx,
    { business_id: invoice.business_id, customer_id: invoice.customer_id },
    entries,
  );
  return -applications.reduce((sum, { amount }) => sum + Number(amount), 0);
}
