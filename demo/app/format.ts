/** Figures and times as staff read them, in the business's currency and locale. */

import { html } from 'lit';
import type { BalanceState } from '../../shared/api/staff.ts';
import { formatMoney, minorUnitDigits, parseMoney } from '../../shared/money.ts';

export interface MoneyContext {
  currency: string;
  locale: string;
  /** The business's IANA zone (`settings.time_zone`): "today" and "overdue" on its clock. */
  timeZone?: string;
}

export const money = (amount: number, at: MoneyContext) =>
  formatMoney(amount, at.currency, at.locale);

/** An amount as staff type it back: 1250 → "12.50" (no symbol, no grouping). */
export function plainAmount(amount: number, at: MoneyContext): string {
  const digits = minorUnitDigits(at.currency);
  return (amount / 10 ** digits).toFixed(digits);
}

/** What staff typed ("85", "85.50") in minor units, or null. */
export const typedMoney = (text: string, at: MoneyContext) => parseMoney(text, at.currency);

export const when = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );

export const stateLabel: Record<BalanceState, string> = {
  zero: 'Zero balance',
  credit: 'Credit',
  outstanding: 'Outstanding',
};

/** Absolute balance, with "credit" for money the business owes back. */
export function balanceText(amount: number, state: BalanceState, at: MoneyContext): string {
  if (state === 'credit') return `${money(-amount, at)} credit`;
  return money(amount, at);
}

/** A business's reference: a receipt or document number ("R-000001", "INV-0001", "EST-0002"). */
const REFERENCE = /\b[A-Z]+-\d+\b/g;

/**
 * `text` with each reference in it kept on one line (never broken at its hyphen where a narrow
 * column wraps the text); the words around it wrap as usual.
 */
export function keepReferencesWhole(text: string) {
  const parts: unknown[] = [];
  let from = 0;
  for (const match of text.matchAll(REFERENCE)) {
    parts.push(text.slice(from, match.index), html`<span class="nowrap">${match[0]}</span>`);
    from = match.index + match[0].length;
  }
  parts.push(text.slice(from));
  return parts;
}
