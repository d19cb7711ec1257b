/**
 * Stripe's webhook events as ProviderEvents (./provider.ts), the one shape in which any
 * provider's outcomes reach handleProviderEvent(). The events a Stripe endpoint should send:
 *
 *   payment_intent.succeeded, payment_intent.payment_failed, payment_intent.requires_action,
 *   payment_intent.processing, charge.refunded, refund.updated, refund.failed,
 *   charge.dispute.created, .updated, .funds_withdrawn, .funds_reinstated, .closed
 *
 * Others are acknowledged and ignored. A `charge.refunded` event does not list its refunds (API
 * versions since 2022-11-15), so they are read from Stripe; each refund becomes its own event,
 * which handleProviderEvent() matches to our refund by Stripe's refund id or our `refund_id`.
 */
import type Stripe from 'stripe';
import type { PaymentMethodDetails, ProviderEvent } from './provider.ts';
import { intentFailure } from './stripe-intents.ts';
import type { StripeProvider } from './stripe-provider.ts';

export interface MappingOptions {
  provider: Pick<StripeProvider, 'retrieve' | 'refundsOfCharge'>;
  /** Told when Stripe could not be asked for details; the event is still recorded. */
  warn?: (message: string, error: unknown) => void;
}

export async function toProviderEvents(
  event: Stripe.Event,
  options: MappingOptions,
): Promise<ProviderEvent[]> {
  switch (event.type) {
    case 'payment_intent.succeeded': {
      const intent = event.data.object;
      return [
        {
          ...intentEvent(event, intent, 'payment.succeeded'),
          amount: intent.amount_received || intent.amount,
          details: await chargedWith(intent, options),
        },
      ];
    }
    case 'payment_intent.payment_failed': {
      const intent = event.data.object;
      const failure = intentFailure(intent) ?? {
        code: 'payment_failed',
        message: 'The payment did not go through.',
      };
      return [{ ...intentEvent(event, intent, 'payment.failed'), failure }];
    }
    case 'payment_intent.requires_action':
      return [intentEvent(event, event.data.object, 'payment.requires_action')];
    case 'payment_intent.processing':
      return [intentEvent(event, event.data.object, 'payment.processing')];
    case 'charge.refunded':
      return chargeRefunds(event, event.data.object, options);
    case 'charge.dispute.created':
    case 'charge.dispute.updated':
    case 'charge.dispute.funds_withdrawn':
    case 'charge.dispute.funds_reinstated':
    case 'charge.dispute.closed':
      return [disputeEvent(event, event.data.object)];
    case 'refund.updated':
    case 'refund.failed': {
      const refund = event.data.object;
      const type = refundEventType(refund.status);
      return type ? [refundEvent(event.id, refund, type, paymentIntentOf(refund))] : [];
    }
    default:
      return [];
  }
}

function intentEvent(
  event: Stripe.Event,
  intent: Stripe.PaymentIntent,
  type: ProviderEvent['type'],
): ProviderEvent {
  return {
    id: event.id,
    provider: 'stripe',
    type,
    providerPaymentId: intent.id,
    paymentId: intent.metadata?.payment_id ?? null,
    amount: intent.amount,
    details: null,
    failure: null,
  };
}

/**
 * The card or account that paid. An event's intent names its charge by id only, so it is read
 * back expanded; if Stripe cannot be reached the payment is still recorded, without the card.
 */
async function chargedWith(
  intent: Stripe.PaymentIntent,
  options: MappingOptions,
): Promise<PaymentMethodDetails | null> {
  try {
    return (await options.provider.retrieve(intent.id)).details;
  } catch (error) {
    options.warn?.('could not read the payment method of a succeeded payment', error);
    return null;
  }
}

async function chargeRefunds(
  event: Stripe.Event,
  charge: Stripe.Charge,
  options: MappingOptions,
): Promise<ProviderEvent[]> {
  const providerPaymentId =
    typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
  if (!providerPaymentId) return [];
  const refunds = charge.refunds?.data ?? (await options.provider.refundsOfCharge(charge.id));
  return refunds
    .filter((refund) => refund.status === 'succeeded')
    .map((refund) =>
      refundEvent(`${event.id}:${refund.id}`, refund, 'refund.succeeded', providerPaymentId),
    );
}

function refundEvent(
  id: string,
  refund: Stripe.Refund,
  type: 'refund.succeeded' | 'refund.failed',
  providerPaymentId: string | null,
): ProviderEvent {
  return {
    id,
    provider: 'stripe',
    type,
    providerPaymentId: providerPaymentId ?? '',
    amount: refund.amount,
    providerRefundId: refund.id,
    refundId: refund.metadata?.refund_id ?? null,
    failure:
      type === 'refund.failed'
        ? {
            code: refund.failure_reason ?? 'refund_failed',
            message: `The refund failed at Stripe (${refund.failure_reason ?? 'no reason given'}); the money is back in the business's Stripe balance.`,
          }
        : null,
  };
}

/** A dispute names its PaymentIntent (and our payment through it); its amount is disputed. */
function disputeEvent(event: Stripe.Event, dispute: Stripe.Dispute): ProviderEvent {
  const type = event.type.replace('charge.dispute.', 'dispute.') as ProviderEvent['type'];
  const intent =
    typeof dispute.payment_intent === 'string'
      ? dispute.payment_intent
      : (dispute.payment_intent?.id ?? '');
  return {
    id: event.id,
    provider: 'stripe',
    type,
    providerPaymentId: intent,
    amount: dispute.amount,
    dispute: { id: dispute.id, reason: dispute.reason, status: dispute.status },
  };
}

function refundEventType(status: string | null): 'refund.succeeded' | 'refund.failed' | null {
  if (status === 'succeeded') return 'refund.succeeded';
  if (status === 'failed' || status === 'canceled') return 'refund.failed';
  return null;
}

function paymentIntentOf(refund: Stripe.Refund): string | null {
  return typeof refund.payment_intent === 'string'
    ? refund.payment_intent
    : (refund.payment_intent?.id ?? null);
}
