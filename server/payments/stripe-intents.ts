/**
 * What a Stripe PaymentIntent says, in our terms: its status, why it failed, and the card or bank
 * account that paid (the charge's, which is the card really charged, before the payment method's).
 */
import type Stripe from 'stripe';
import type { Funding, PaymentMethodDetails, PaymentStatus, ProviderFailure } from './provider.ts';

export function intentStatus(intent: Stripe.PaymentIntent): PaymentStatus {
  switch (intent.status) {
    case 'succeeded':
      return 'succeeded';
    case 'processing':
    case 'requires_capture':
      return 'processing';
    case 'requires_action':
      return 'requires_action';
    case 'canceled':
      return 'canceled';
    default:
      // requires_payment_method after an attempt is a failure the customer can retry from.
      return intent.last_payment_error ? 'failed' : 'requires_confirmation';
  }
}

export function intentFailure(intent: Stripe.PaymentIntent): ProviderFailure | null {
  const error = intent.last_payment_error;
  if (!error || intent.status === 'succeeded') return null;
  return {
    code: error.decline_code ?? error.code ?? 'payment_failed',
    message: error.message ?? 'The payment did not go through.',
  };
}

/** What paid, from the expanded charge (the card that was charged) or the payment method. */
export function intentDetails(intent: Stripe.PaymentIntent): PaymentMethodDetails | null {
  const charge = typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
  const chargedWith = charge?.payment_method_details;
  const method = typeof intent.payment_method === 'object' ? intent.payment_method : null;
  const methodId = charge?.payment_method ?? method?.id ?? stringOrNull(intent.payment_method);
  if (chargedWith?.card) return methodDetails(chargedWith, methodId);
  if (chargedWith?.us_bank_account) return methodDetails(chargedWith, methodId);
  if (method) return methodDetails(method, method.id);
  return null;
}

interface MethodLike {
  card?: {
    brand: string | null;
    funding: string | null;
    last4: string | null;
    exp_month?: number;
    exp_year?: number;
  } | null;
  us_bank_account?: { bank_name: string | null; last4: string | null } | null;
}

export function methodDetails(
  method: MethodLike,
  paymentMethodId: string | null,
): PaymentMethodDetails {
  if (method.card) {
    return {
      method: 'card',
      funding: funding(method.card.funding),
      brand: method.card.brand,
      last4: method.card.last4,
      expMonth: method.card.exp_month ?? null,
      expYear: method.card.exp_year ?? null,
      paymentMethodId,
    };
  }
  return {
    method: 'us_bank_account',
    funding: null,
    brand: method.us_bank_account?.bank_name ?? null,
    last4: method.us_bank_account?.last4 ?? null,
    paymentMethodId,
  };
}

function funding(value: string | null): Funding {
  return value === 'credit' || value === 'debit' || value === 'prepaid' ? value : 'unknown';
}

export function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
