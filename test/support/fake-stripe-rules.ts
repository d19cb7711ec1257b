/**
 * Stripe's refusals as the stand-in gives them: its error shape, and its documented amount rules
 * (a minimum charge per currency, a maximum, an integer in minor units).
 */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { type: string; code?: string; message: string; param?: string },
  ) {
    super(body.message);
  }
}

export function invalid(param: string, message: string, code = 'parameter_invalid') {
  return new StripeApiError(400, { type: 'invalid_request_error', code, message, param });
}

export function unexpectedState(code: string, message: string) {
  return new StripeApiError(400, { type: 'invalid_request_error', code, message });
}

/**
 * Stripe's minimum charge per currency, in minor units (docs.stripe.com/currencies, "Minimum and
 * maximum charge amounts"), and its maximum of 99,999,999 minor units.
 */
const MINIMUMS: Record<string, number> = {
  usd: 50,
  aed: 200,
  aud: 50,
  bgn: 100,
  brl: 50,
  cad: 50,
  chf: 50,
  czk: 1500,
  dkk: 250,
  eur: 50,
  gbp: 30,
  hkd: 400,
  huf: 17500,
  inr: 50,
  jpy: 50,
  mxn: 1000,
  myr: 200,
  nok: 300,
  nzd: 50,
  pln: 200,
  ron: 200,
  sek: 300,
  sgd: 50,
  thb: 1000,
};

export function checkAmount(value: unknown, currency: string): number {
  const amount = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(amount)) {
    throw invalid('amount', 'Invalid integer: amount', 'parameter_invalid_integer');
  }
  if (amount > 99_999_999) {
    throw invalid('amount', 'Amount must be no more than $999,999.99', 'amount_too_large');
  }
  const minimum = MINIMUMS[currency] ?? 50;
  if (amount < minimum) {
    throw invalid(
      'amount',
      `Amount must be at least ${minimum} ${currency} minor units`,
      'amount_too_small',
    );
  }
  return amount;
}
