/**
 * The smallest charge a provider takes, per currency, in minor units. Stripe refuses a
 * PaymentIntent below it with 400 `amount_too_small`; the portal says so itself, before calling
 * Stripe (issue 10, defect 4). Stripe's table ("Minimum and maximum charge amounts",
 * https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts); for a currency it does
 * not list, Stripe's rule is "the equivalent of 0.50 USD", which moves with exchange rates: we do
 * not guess it, and a refusal from Stripe still cancels the payment at once (./create.ts).
 */
import { formatMoney } from '../../shared/money.ts';
import { unprocessable } from '../http/errors.ts';
import { paypalTakes } from './paypal/paypal-money.ts';
import type { ProviderName } from './provider.ts';

const STRIPE_MINIMUMS: Readonly<Record<string, number>> = {
  usd: 50,
  aed: 200,
  aud: 50,
  bgn: 100,
  brl: 50,
  cad: 50,
  chf: 50,
  czk: 1_500,
  dkk: 250,
  eur: 50,
  gbp: 30,
  hkd: 400,
  huf: 17_500,
  inr: 50,
  jpy: 50,
  mxn: 1_000,
  myr: 200,
  nok: 300,
  nzd: 50,
  pln: 200,
  ron: 200,
  sek: 300,
  sgd: 50,
  thb: 1_000,
};

/** Stripe's largest amount for an ordinary account: 999,999.99 USD (8 digits of minor units). */
export const STRIPE_MAXIMUM = 99_999_999;

export function minimumCharge(provider: ProviderName, currency: string): number | null {
  if (provider !== 'stripe') return null;
  return STRIPE_MINIMUMS[currency.toLowerCase()] ?? null;
}

/** 422 `amount_too_small` when `amount` is below the provider's smallest charge. */
export function checkMinimum(
  provider: ProviderName,
  currency: string,
  locale: string,
  amount: number,
): void {
  const minimum = minimumCharge(provider, currency);
  if (minimum === null || amount >= minimum) return;
  throw unprocessable(
    'amount_too_small',
    `Card and bank payments must be at least ${formatMoney(minimum, currency, locale)}.`,
  );
}

/**
 * Three-decimal currencies Stripe charges in: it takes only amounts whose last digit is 0
 * (docs.stripe.com/currencies, "Three-decimal currencies"), while our tips, fees and balances are
 * computed to the minor unit. Rather than round a customer's debt to what Stripe takes, a
 * business in one of them cannot use Stripe: refused at creation, at a currency change, and at
 * payment for one that predates the rule (issue 10).
 */
const STRIPE_THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

/** 422 `currency_unsupported` when the provider cannot charge in `currency` as we compute it. */
export function checkProviderCurrency(
  provider: ProviderName,
  currency: string,
  param: string | null = null,
): void {
  if (provider === 'paypal' && !paypalTakes(currency)) {
    throw unprocessable(
      'currency_unsupported',
      `Payments in ${currency.toUpperCase()} cannot go through PayPal here.`,
      param,
    );
  }
  if (provider !== 'stripe' || !STRIPE_THREE_DECIMAL.has(currency.toLowerCase())) return;
  throw unprocessable(
    'currency_unsupported',
    `Payments in ${currency.toUpperCase()} cannot go through Stripe here: Stripe takes only amounts ending in 0 in three-decimal currencies.`,
    param,
  );
}
