/**
 * The PayPal stand-in's objects as PayPal's Orders v2 and Payments v2 references shape them
 * (orders, captures, refunds, money as `{currency_code, value}` strings), its error shape
 * (`{name, message, debug_id, details: [{issue, description}]}`) and PayPal's currencies with the
 * decimals it takes. What it does with them is fake-paypal-api.ts.
 */
import { randomBytes } from 'node:crypto';

export type Body = Record<string, unknown>;
export interface Money {
  currency_code: string;
  value: string;
}

/** How the buyer's chosen funding fares at capture. */
export type Funding = 'approves' | 'pending' | 'declined' | 'denied';

export interface FakeOrder {
  id: string;
  intent: string;
  status: 'CREATED' | 'APPROVED' | 'COMPLETED' | 'VOIDED';
  purchase_units: {
    reference_id?: string;
    custom_id?: string;
    invoice_id?: string;
    amount: Money;
    payments?: { captures: FakeCapture[]; refunds: FakeRefund[] };
  }[];
  payment_source?: Record<string, unknown>;
  create_time: string;
  update_time: string;
  /** The stand-in's own: how the buyer's funding fares, and with which wallet. */
  funding?: Funding;
  wallet?: 'paypal' | 'venmo';
}

export interface FakeCapture {
  id: string;
  status: 'COMPLETED' | 'PENDING' | 'DECLINED' | 'PARTIALLY_REFUNDED' | 'REFUNDED';
  status_details?: { reason: string };
  amount: Money;
  custom_id?: string;
  invoice_id?: string;
  final_capture: boolean;
  seller_protection: { status: string };
  supplementary_data: { related_ids: { order_id: string } };
  links: { href: string; rel: string; method: string }[];
  create_time: string;
  update_time: string;
  /** Refunded so far, minor units (the stand-in's own bookkeeping). */
  refunded: number;
}

export interface FakeRefund {
  id: string;
  status: 'COMPLETED' | 'PENDING' | 'FAILED' | 'CANCELLED';
  amount: Money;
  custom_id?: string;
  links: { href: string; rel: string; method: string }[];
  create_time: string;
  update_time: string;
}

export class PayPalApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Body,
  ) {
    super(String(body.message));
  }
}

/** PayPal's currencies, with the decimals it takes (HUF and TWD: none, JPY: none). */
export const DECIMALS: Record<string, number> = {
  AUD: 2,
  BRL: 2,
  CAD: 2,
  CNY: 2,
  CZK: 2,
  DKK: 2,
  EUR: 2,
  HKD: 2,
  HUF: 0,
  ILS: 2,
  JPY: 0,
  MYR: 2,
  MXN: 2,
  TWD: 0,
  NZD: 2,
  NOK: 2,
  PHP: 2,
  PLN: 2,
  GBP: 2,
  SGD: 2,
  SEK: 2,
  CHF: 2,
  THB: 2,
  USD: 2,
};

export function unprocessable(issue: string, description: string): PayPalApiError {
  return new PayPalApiError(422, {
    name: 'UNPROCESSABLE_ENTITY',
    message:
      'The requested action could not be performed, semantically incorrect, or failed business validation.',
    debug_id: randomBytes(6).toString('hex'),
    details: [{ issue, description }],
  });
}

export function notFound(what: string): PayPalApiError {
  return new PayPalApiError(404, {
    name: 'RESOURCE_NOT_FOUND',
    message: 'The specified resource does not exist.',
    debug_id: randomBytes(6).toString('hex'),
    details: [
      {
        issue: 'INVALID_RESOURCE_ID',
        description: `Specified resource ID does not exist: ${what}`,
      },
    ],
  });
}

export function invalid(field: string, issue: string, description: string): PayPalApiError {
  return new PayPalApiError(400, {
    name: 'INVALID_REQUEST',
    message: 'Request is not well-formed, syntactically incorrect, or violates schema.',
    debug_id: randomBytes(6).toString('hex'),
    details: [{ field, location: 'body', issue, description }],
  });
}

export const id = (length = 17) =>
  randomBytes(length)
    .toString('hex')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, length);
export const stamp = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** "10.50" USD → 1050; the stand-in's arithmetic is in minor units too. */
export function cents(money: Money): number {
  const digits = DECIMALS[money.currency_code] ?? 2;
  const [whole, fraction = ''] = money.value.split('.');
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}
export function value(amount: number, currency: string): string {
  const digits = DECIMALS[currency] ?? 2;
  return digits === 0 ? String(amount) : (amount / 10 ** digits).toFixed(digits);
}
