/**
 * What a PayPal order (Orders v2) says, in our terms. An order is CREATED, then APPROVED by the
 * buyer in PayPal's window, then COMPLETED once captured (or VOIDED, PAYER_ACTION_REQUIRED); the
 * money is in its capture (`purchase_units[0].payments.captures[0]`): COMPLETED, PENDING (held by
 * PayPal, completed later), DECLINED or FAILED, then PARTIALLY_REFUNDED or REFUNDED. The buyer
 * paid with PayPal or Venmo (`payment_source`). Refusals are PayPal's error shape:
 * `{name, message, debug_id, details: [{issue, description}]}` (422 UNPROCESSABLE_ENTITY).
 */
import type { Order } from '@paypal/paypal-server-sdk';
import type { PaymentMethodDetails, PaymentStatus, ProviderFailure } from '../provider.ts';
import { minorUnits } from './paypal-money.ts';
import { paypalSdk } from './paypal-sdk.ts';

export interface OrderState {
  status: PaymentStatus;
  amount: number;
  captureId: string | null;
  details: PaymentMethodDetails;
  failure: ProviderFailure | null;
}

export function orderState(order: Order, currency: string): OrderState {
  const unit = order.purchaseUnits?.[0];
  const capture = unit?.payments?.captures?.[0];
  const ordered = minorUnits(unit?.amount?.value, currency) ?? 0;
  const captured = minorUnits(capture?.amount?.value, currency);
  const details = walletOf(order);
  let status: PaymentStatus;
  if (order.status === 'VOIDED') status = 'canceled';
  else if (order.status !== 'COMPLETED' || !capture) status = 'requires_confirmation';
  else if (capture.status === 'PENDING') status = 'processing';
  else if (capture.status === 'DECLINED' || capture.status === 'FAILED') status = 'failed';
  // COMPLETED, and PARTIALLY_REFUNDED / REFUNDED later: the payment itself succeeded.
  else status = 'succeeded';
  return {
    status,
    amount: captured ?? ordered,
    captureId: capture?.id ?? null,
    details,
    failure: status === 'failed' ? declinedFailure() : null,
  };
}

/** PayPal or Venmo, as the order's `payment_source` tells (PayPal when it does not). */
function walletOf(order: Order): PaymentMethodDetails {
  const venmo = order.paymentSource?.venmo !== undefined;
  return { method: 'paypal', funding: null, brand: venmo ? 'venmo' : 'paypal', last4: null };
}

export function declinedFailure(issue = 'INSTRUMENT_DECLINED'): ProviderFailure {
  return {
    code: issue.toLowerCase(),
    message:
      'PayPal declined this payment. Choose another way to pay in PayPal, or another payment method.',
  };
}

export interface PayPalErrorBody {
  name?: string;
  message?: string;
  details?: { issue?: string; description?: string; field?: string }[];
}

/** The issue PayPal names in a refusal (`INSTRUMENT_DECLINED`, `ORDER_NOT_APPROVED`…), if any. */
export function paypalIssue(
  error: unknown,
): { status: number; issue: string; text: string } | null {
  if (!(error instanceof paypalSdk().ApiError)) return null;
  let body = error.result as PayPalErrorBody | undefined;
  if (!body && typeof error.body === 'string') {
    try {
      body = JSON.parse(error.body) as PayPalErrorBody;
    } catch {
      body = undefined;
    }
  }
  const detail = body?.details?.[0];
  return {
    status: error.statusCode,
    issue: detail?.issue ?? body?.name ?? `HTTP_${error.statusCode}`,
    text: detail?.description ?? body?.message ?? error.message,
  };
}
