/**
 * What the customer chose, turned into a quote input and checked with the same rules the server
 * applies (shared/quote.ts checkQuoteInput), each problem worded for the field it belongs to.
 */

import type { Portal, PortalInvoice } from '../../shared/api/portal.ts';
import {
  type ConvenienceFee,
  checkQuoteInput,
  type PaymentMethodKind,
  type QuoteInput,
  type QuoteProblem,
  type TipChoice,
} from '../../shared/quote.ts';
import type { Localizer } from '../i18n/localize.ts';

/** Account charges no invoice holds are paid through this row. */
export const BALANCE_ROW = 'balance';

export interface PayRow {
  /** An invoice id, or BALANCE_ROW. */
  key: string;
  amountDue: number;
  invoice: PortalInvoice | null;
}

export type TipSelection =
  | { kind: 'none' }
  | { kind: 'percent'; percent: number }
  | { kind: 'custom' };

export interface Choices {
  selected: ReadonlySet<string>;
  /** What the customer typed per row (only used when partial payments are allowed). */
  amountText: ReadonlyMap<string, string>;
  tip: TipSelection;
  tipText: string;
  method: PaymentMethodKind | null;
}

/** The rows the customer can pay: open invoices with something due, then the account balance. */
export function payRows(portal: Portal): PayRow[] {
  if (portal.balance.state !== 'outstanding' || portal.link.kind === 'estimate') return [];
  const rows: PayRow[] = portal.invoices
    .filter((invoice) => invoice.status !== 'paid' && invoice.status !== 'void')
    .filter((invoice) => invoice.amount_due > 0)
    .map((invoice) => ({ key: invoice.id, amountDue: invoice.amount_due, invoice }));
  if (portal.link.kind === 'customer' && portal.balance_due > 0) {
    rows.push({ key: BALANCE_ROW, amountDue: portal.balance_due, invoice: null });
  }
  return rows;
}

export function feesOf(portal: Portal): Partial<Record<PaymentMethodKind, ConvenienceFee>> {
  const fees: Partial<Record<PaymentMethodKind, ConvenienceFee>> = {};
  for (const method of portal.payment_methods) if (method.fee) fees[method.type] = method.fee;
  return fees;
}

export interface Checked {
  /** The quote input from every figure that is an amount (payable only when `errors` is empty). */
  input: QuoteInput;
  /** Messages by field: a row key, 'tip', or 'nothing'. */
  errors: Map<string, string>;
}

/**
 * `refused`: what the server refused of these same choices (a 422 when the payment was made,
 * say after the business changed an invoice), shown at its field as if found here.
 */
export function checkChoices(
  l: Localizer,
  portal: Portal,
  rows: PayRow[],
  c: Choices,
  refused: QuoteProblem[] = [],
): Checked {
  const { t } = l;
  const errors = new Map<string, string>();
  const partial = portal.partial_payments;
  const amounts = new Map<string, number>();
  for (const row of rows) {
    if (!c.selected.has(row.key)) continue;
    const text = c.amountText.get(row.key);
    const amount = partial.enabled && text !== undefined ? l.parseAmount(text) : row.amountDue;
    if (amount === null) errors.set(row.key, t.amountInvalid(l.amountInput(row.amountDue)));
    else if (amount === 0)
      errors.set(row.key, t.amountTooSmall(l.money(Math.min(partial.minimum, row.amountDue))));
    else amounts.set(row.key, amount);
  }
  let tip: TipChoice = null;
  if (c.tip.kind === 'percent') tip = { percent: c.tip.percent };
  if (c.tip.kind === 'custom') {
    const amount = c.tipText.trim() === '' ? 0 : l.parseAmount(c.tipText);
    if (amount === null) errors.set('tip', t.tipInvalid(l.amountInput(500)));
    else if (amount > 0) tip = { amount };
  }
  const invoiceRows = rows.filter((row) => row.invoice && amounts.has(row.key));
  const input: QuoteInput = {
    invoices: invoiceRows.map((row) => ({ id: row.key, amount: amounts.get(row.key)! })),
    balance_amount: amounts.get(BALANCE_ROW) ?? 0,
    tip,
    method: c.method,
  };
  const problems = [
    ...refused,
    ...checkQuoteInput(input, {
      invoices: rows.flatMap((row) =>
        row.invoice ? [{ id: row.key, amount_due: row.amountDue }] : [],
      ),
      balance_due: rows.find((row) => row.key === BALANCE_ROW)?.amountDue ?? 0,
      partial_payments: partial,
      tip_options: portal.tip_options,
    }),
  ];
  for (const problem of problems) {
    const index = /^invoices\[(\d+)\]/.exec(problem.param)?.[1];
    const row =
      index !== undefined
        ? rows.find((r) => r.key === input.invoices[Number(index)]?.id)
        : undefined;
    const key = row?.key ?? (problem.param === 'balance_amount' ? BALANCE_ROW : problem.param);
    const due = rows.find((r) => r.key === key)?.amountDue ?? 0;
    const message =
      problem.code === 'amount_too_large'
        ? t.amountTooLarge(l.money(due))
        : problem.code === 'amount_too_small'
          ? t.amountTooSmall(l.money(partial.minimum))
          : problem.code === 'partial_not_allowed'
            ? t.amountFullOnly
            : problem.code === 'nothing_to_pay'
              ? t.nothingChosen
              : key.startsWith('tip')
                ? t.tipInvalid(l.amountInput(500))
                : t.amountInvalid(l.amountInput(due));
    const field = key.startsWith('tip')
      ? 'tip'
      : problem.code === 'nothing_to_pay'
        ? 'nothing'
        : key;
    if (!errors.has(field)) errors.set(field, message);
  }
  if (errors.size === 0 && input.invoices.length === 0 && input.balance_amount === 0) {
    errors.set('nothing', t.nothingChosen);
  }
  return { input, errors };
}

/** A mobile number with its area code: 10 to 15 digits, an optional leading +. */
export function isPhoneNumber(text: string): boolean {
  return /^\+?\d{10,15}$/.test(text.replace(/[\s().-]/g, ''));
}
