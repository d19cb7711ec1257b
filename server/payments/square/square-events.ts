/**
 * Square's webhook events in our terms (docs: developer.squareup.com, "Webhooks"): the body is
 * `{merchant_id, type, event_id, created_at, data: {type, id, object: {payment | refund}}}`, in
 * Square's snake_case. `payment.updated` with a COMPLETED payment is a success (the payment's
 * `reference_id` names ours), FAILED a failure; APPROVED, PENDING and CANCELED move nothing of
 * ours (our confirmation captures or voids). `refund.updated`: COMPLETED succeeded, FAILED or
 * REJECTED failed (the refund's `reason` names ours: "Refund re_…"). `dispute.created` and
 * `dispute.state.updated`: ./square-disputes.ts. The event id is Square's `event_id`: a
 * redelivery is a duplicate.
 */
import type { PaymentMethodDetails, ProviderEvent } from '../provider.ts';
import { type SquareDisputeJson, squareDisputeEvents } from './square-disputes.ts';
import { squareFailure, squareFunding } from './square-payments.ts';

interface SquareMoney {
  amount?: number;
  currency?: string;
}

interface SquareCardJson {
  id?: string;
  card_brand?: string;
  last_4?: string;
  exp_month?: number;
  exp_year?: number;
  card_type?: string;
  prepaid_type?: string;
}

export interface SquareEventBody {
  merchant_id?: string;
  type?: string;
  event_id?: string;
  created_at?: string;
  data?: {
    type?: string;
    id?: string;
    object?: {
      payment?: {
        id?: string;
        status?: string;
        reference_id?: string;
        amount_money?: SquareMoney;
        total_money?: SquareMoney;
        card_details?: { card?: SquareCardJson; errors?: { code?: string }[] };
        bank_account_details?: {
          bank_name?: string;
          ach_details?: { account_number_suffix?: string };
          errors?: { code?: string }[];
        };
      };
      dispute?: SquareDisputeJson;
      refund?: {
        id?: string;
        status?: string;
        payment_id?: string;
        reason?: string;
        amount_money?: SquareMoney;
      };
    };
  };
}

export function squareProviderEvents(body: SquareEventBody): ProviderEvent[] {
  const id = body.event_id;
  const object = body.data?.object;
  if (!id || !object) return [];
  if (body.type === 'dispute.created' || body.type === 'dispute.state.updated') {
    return squareDisputeEvents(id, body.type, object.dispute);
  }
  if (body.type === 'payment.updated' && object.payment?.id) {
    const payment = object.payment;
    // An ACH transfer (PENDING, then COMPLETED or FAILED days later) names its bank account.
    const bank = payment.bank_account_details;
    const base = {
      id,
      provider: 'square' as const,
      providerPaymentId: payment.id as string,
      paymentId: payment.reference_id ?? null,
      amount: Number(payment.total_money?.amount ?? payment.amount_money?.amount ?? 0),
      details: bank
        ? {
            method: 'us_bank_account' as const,
            funding: null,
            brand: bank.bank_name ?? null,
            last4: bank.ach_details?.account_number_suffix ?? null,
          }
        : cardDetails(payment.card_details?.card),
    };
    if (payment.status === 'COMPLETED') return [{ ...base, type: 'payment.succeeded' }];
    if (payment.status === 'FAILED') {
      const errors = bank ? bank.errors : payment.card_details?.errors;
      return [{ ...base, type: 'payment.failed', failure: squareFailure(errors, !!bank) }];
    }
    return [];
  }
  if (body.type === 'refund.updated' && object.refund?.id && object.refund.payment_id) {
    const refund = object.refund;
    const type =
      refund.status === 'COMPLETED'
        ? ('refund.succeeded' as const)
        : refund.status === 'FAILED' || refund.status === 'REJECTED'
          ? ('refund.failed' as const)
          : null;
    if (!type) return [];
    return [
      {
        id,
        provider: 'square',
        type,
        providerPaymentId: refund.payment_id as string,
        amount: Number(refund.amount_money?.amount ?? 0),
        providerRefundId: refund.id as string,
        refundId: /\b(re_\w+)/.exec(refund.reason ?? '')?.[1] ?? null,
      },
    ];
  }
  return [];
}

function cardDetails(card: SquareCardJson | undefined): PaymentMethodDetails | null {
  if (!card) return null;
  return {
    method: 'card',
    funding: squareFunding({
      cardType: card.card_type as never,
      prepaidType: card.prepaid_type as never,
    }),
    brand:
      card.card_brand === 'AMERICAN_EXPRESS' ? 'amex' : (card.card_brand?.toLowerCase() ?? null),
    last4: card.last_4 ?? null,
    expMonth: card.exp_month ?? null,
    expYear: card.exp_year ?? null,
    paymentMethodId: card.id ?? null,
  };
}
