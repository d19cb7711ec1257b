/**
 * PayPal's money in our terms. PayPal takes and gives amounts as decimal strings in the
 * currency's units (`{"currency_code": "USD", "value": "10.50"}`, `"1000"` for JPY); we keep
 * integer minor units. PayPal takes only the currencies it lists ("Currency codes", PayPal's REST
 * reference), and takes HUF and TWD without decimals while ISO 4217 gives them two: a business
 * in one of those cannot offer PayPal here (its tips and fees are computed to the minor unit).
 */
import { minorUnitDigits } from '../../../shared/money.ts';

const PAYPAL_CURRENCIES = new Set([
  'aud',
  'brl',
  'cad',
  'cny',
  'czk',
  'dkk',
  'eur',
  'hkd',
  'ils',
  'jpy',
  'myr',
  'mxn',
  'nzd',
  'nok',
  'php',
  'pln',
  'gbp',
  'sgd',
  'sek',
  'chf',
  'thb',
  'usd',
]);

/** Whether customers of a business in `currency` can pay through PayPal here. */
export function paypalTakes(currency: string): boolean {
  return PAYPAL_CURRENCIES.has(currency.toLowerCase());
}

/** Venmo is offered by PayPal to US buyers paying in US dollars only. */
export function venmoOffered(currency: string): boolean {
  return currency.toLowerCase() === 'usd';
}

/** 1050 (USD) → "10.50"; 1000 (JPY) → "1000". Integer arithmetic: no float touches money. */
export function paypalValue(amount: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  if (digits === 0) return String(amount);
  const text = String(Math.abs(amount)).padStart(digits + 1, '0');
  const sign = amount < 0 ? '-' : '';
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** "10.50" (USD) → 1050; null for what is not an amount of that currency. */
export function minorUnits(value: string | undefined | null, currency: string): number | null {
  if (!value) return null;
  const digits = minorUnitDigits(currency);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!match) return null;
  const fraction = match[3] ?? '';
  if (fraction.length > digits) return null;
  const amount = Number(match[2]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return match[1] ? -amount : amount;
}
