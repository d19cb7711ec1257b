/**
 * PayPal's webhook events in our terms (PayPal's "Webhook event names", Payments): the body is
 * `{id: "WH-…", event_type, resource_type, create_time, resource}`.
 *
 * - PAYMENT.CAPTURE.COMPLETED: the capture (`resource` is it) completed, also one that was
 *   PENDING: a success, of `resource.amount`;
 * - PAYMENT.CAPTURE.DENIED: a PENDING capture was denied: a failure;
 * - PAYMENT.CAPTURE.REFUNDED: a refund (`resource` is the refund; its `custom_id` names ours when
 *   we made it, none when made in PayPal's dashboard);
 * - PAYMENT.CAPTURE.REVERSED: PayPal took the money back (a chargeback or a buyer's complaint it
 *   decided): recorded as a refund made at the provider, so the customer owes it again.
 *
 * A capture names its order in `supplementary_data.related_ids.order_id`; a refund names only its
 * capture (its `up` link), whose order is asked of PayPal. The event id is PayPal's: a
 * redelivery is a duplicate.
 */
import type { ProviderEvent } from '../provider.ts';
import { minorUnits } from './paypal-money.ts';
import { declinedFailure } from './paypal-orders.ts';

interface PayPalMoney {
  currency_code?: string;
  value?: string;
}

export interface PayPalEventBody {
  id?: string;
  event_type?: string;
  resource_type?: string;
  create_time?: string;
  resource?: {
    id?: string;
    status?: string;
    amount?: PayPalMoney;
    custom_id?: string;
    supplementary_data?: { related_ids?: { order_id?: string } };
    links?: { href?: string; rel?: string }[];
  };
}

export interface CaptureLookup {
  /** The order of a capture, and the capture's custom_id (our `pay_…`). */
  orderOfCapture(captureId: string): Promise<{ orderId: string | null; customId: string | null }>;
}

export const PAYPAL_EVENT_TYPES = [
  'PAYMENT.CAPTURE.COMPLETED',
  'PAYMENT.CAPTURE.DENIED',
  'PAYMENT.CAPTURE.REFUNDED',
  'PAYMENT.CAPTURE.REVERSED',
] as const;

export async function paypalProviderEvents(
  body: PayPalEventBody,
  paypal: CaptureLookup,
): Promise<ProviderEvent[]> {
  const id = body.id;
  const resource = body.resource;
  if (!id || !resource?.id) return [];
  const amount = Math.abs(
    minorUnits(resource.amount?.value, resource.amount?.currency_code ?? 'USD') ?? 0,
  );
  switch (body.event_type) {
    case 'PAYMENT.CAPTURE.COMPLETED':
    case 'PAYMENT.CAPTURE.DENIED': {
      let orderId = resource.supplementary_data?.related_ids?.order_id ?? null;
      let paymentId = resource.custom_id ?? null;
      if (!orderId) ({ orderId, customId: paymentId } = await paypal.orderOfCapture(resource.id));
      if (!orderId) return [];
      const base = {
        id,
        provider: 'paypal' as const,
        providerPaymentId: orderId,
        paymentId,
        amount,
      };
      return body.event_type === 'PAYMENT.CAPTURE.COMPLETED'
        ? [{ ...base, type: 'payment.succeeded' }]
        : [{ ...base, type: 'payment.failed', failure: declinedFailure('CAPTURE_DENIED') }];
    }
    case 'PAYMENT.CAPTURE.REFUNDED':
    case 'PAYMENT.CAPTURE.REVERSED': {
      const type =
        resource.status === 'FAILED' || resource.status === 'CANCELLED'
          ? ('refund.failed' as const)
          : resource.status === 'PENDING'
            ? null
            : ('refund.succeeded' as const);
      const captureId = captureOf(resource.links);
      if (!type || !captureId) return [];
      const { orderId, customId } = await paypal.orderOfCapture(captureId);
      if (!orderId) return [];
      const ours = resource.custom_id?.startsWith('re_') ? resource.custom_id : null;
      return [
        {
          id,
          provider: 'paypal',
          type,
          providerPaymentId: orderId,
          paymentId: customId,
          amount,
          providerRefundId: resource.id,
          refundId: body.event_type === 'PAYMENT.CAPTURE.REFUNDED' ? ours : null,
        },
      ];
    }
    default:
      return [];
  }
}

/** The capture a refund belongs to: the last segment of its `up` link. */
function captureOf(links: { href?: string; rel?: string }[] | undefined): string | null {
  const up = links?.find((link) => link.rel === 'up')?.href;
  const match = up ? /\/captures\/([^/?#]+)/.exec(up) : null;
  return match?.[1] ?? null;
}
