/**
 * The PayPal provider (and Venmo, which PayPal offers US buyers paying in USD): the official
 * `@paypal/paypal-server-sdk`, Orders v2. The server makes the order for the total it computed
 * (subtotal, tip and fee, in the business's currency; `PayPal-Request-Id` is our idempotency
 * key, so a retry answers the same order), the buyer approves it in PayPal's window (PayPal's
 * JS SDK, widget/paypal-form), and the server captures it (../confirm-capture.ts), again with a
 * key of its own. Refunds go through the Payments controller, on the order's capture. Outcomes
 * that come later (a PENDING capture completed, a refund, a reversal) arrive by webhook
 * (./paypal-events.ts), verified with PayPal's verify-webhook-signature call.
 *
 * Our payment's provider id is the order's id: the one id the browser, the capture, PayPal's
 * events (`supplementary_data.related_ids.order_id`) and reconciliation all know.
 */
import type { OrdersController, PaymentsController } from '@paypal/paypal-server-sdk';
import { conflict, unprocessable } from '../../http/errors.ts';
import type {
  CreatedPayment,
  CreatePaymentInput,
  PaymentProvider,
  ProviderPaymentState,
  RefundInput,
} from '../provider.ts';
import { type PayPalApi, paypalPost } from './paypal-client.ts';
import { paypalValue } from './paypal-money.ts';
import { declinedFailure, type OrderState, orderState, paypalIssue } from './paypal-orders.ts';
import { paypalSdk } from './paypal-sdk.ts';

type RefundAnswer = { providerRefundId: string; status: 'succeeded' | 'pending' | 'failed' };

/** The transmission headers PayPal signs a webhook delivery with. */
export interface PayPalTransmission {
  authAlgo: string;
  certUrl: string;
  transmissionId: string;
  transmissionSig: string;
  transmissionTime: string;
}

export class PayPalProvider implements PaymentProvider {
  readonly name = 'paypal' as const;
  static readonly methods = ['paypal'] as const;
  readonly methods = PayPalProvider.methods;
  private readonly orders: OrdersController;
  private readonly payments: PaymentsController;

  constructor(
    readonly api: PayPalApi,
    private readonly webhookId: string | null,
  ) {
    const { OrdersController, PaymentsController } = paypalSdk();
    this.orders = new OrdersController(api.client);
    this.payments = new PaymentsController(api.client);
  }

  async createPayment(input: CreatePaymentInput): Promise<CreatedPayment> {
    const { result } = await guard(() =>
      this.orders.createOrder({
        paypalRequestId: input.idempotencyKey,
        prefer: 'return=minimal',
        body: {
          intent: paypalSdk().CheckoutPaymentIntent.Capture,
          purchaseUnits: [
            {
              referenceId: input.paymentId,
              // custom_id comes back on the capture and its events; invoice_id makes PayPal
              // refuse a second order for the same payment (DUPLICATE_INVOICE_ID).
              customId: input.paymentId,
              invoiceId: input.paymentId,
              amount: {
                currencyCode: input.currency.toUpperCase(),
                value: paypalValue(input.amount, input.currency),
              },
            },
          ],
          paymentSource: {
            paypal: {
              experienceContext: {
                shippingPreference: paypalSdk().PaypalWalletContextShippingPreference.NoShipping,
                userAction: paypalSdk().PaypalExperienceUserAction.PayNow,
              },
            },
          },
        },
      }),
    );
    if (!result.id) throw new Error('PayPal answered without an order id');
    // The browser's PayPal Buttons approve this order: its id is what they need.
    return {
      providerPaymentId: result.id,
      clientSecret: result.id,
      status: 'requires_confirmation',
    };
  }

  /**
   * Captures the order the buyer approved. A decline (422 INSTRUMENT_DECLINED, or a capture
   * DECLINED) is the payment failed, not an error; an order captured before (by a request whose
   * answer was lost) is read back as it is.
   */
  async captureApproved(input: {
    providerPaymentId: string;
    idempotencyKey: string;
    currency: string;
  }): Promise<ProviderPaymentState> {
    try {
      const { result } = await this.orders.captureOrder({
        id: input.providerPaymentId,
        paypalRequestId: input.idempotencyKey,
        prefer: 'return=representation',
      });
      return stateOf(orderState(result, input.currency));
    } catch (error) {
      const refusal = paypalIssue(error);
      if (refusal?.issue === 'INSTRUMENT_DECLINED' || refusal?.issue === 'TRANSACTION_REFUSED') {
        return {
          status: 'failed',
          amount: 0,
          details: null,
          failure: declinedFailure(refusal.issue),
        };
      }
      if (refusal?.issue === 'ORDER_ALREADY_CAPTURED') {
        return this.retrieveIn(input.providerPaymentId, input.currency);
      }
      if (refusal?.issue === 'ORDER_NOT_APPROVED') {
        throw conflict(
          'paypal_not_approved',
          'PayPal has not approved this payment yet. Finish in the PayPal window, then try again.',
        );
      }
      throw asApiError(error);
    }
  }

  async retrieve(providerPaymentId: string): Promise<ProviderPaymentState> {
    return this.retrieveIn(providerPaymentId, null);
  }

  private async retrieveIn(orderId: string, currency: string | null) {
    return stateOf(await this.order(orderId, currency));
  }

  private async order(orderId: string, currency: string | null): Promise<OrderState> {
    const { result } = await this.orders.getOrder({ id: orderId });
    const code = currency ?? result.purchaseUnits?.[0]?.amount?.currencyCode ?? 'USD';
    return orderState(result, code);
  }

  /** An order nobody captured charges nothing (PayPal lets it expire); a captured one is a 409. */
  async cancel(providerPaymentId: string): Promise<void> {
    const order = await this.order(providerPaymentId, null);
    if (order.status === 'succeeded' || order.status === 'processing') {
      throw conflict(
        'payment_not_cancelable',
        `This payment is ${order.status} at PayPal and can no longer be canceled.`,
      );
    }
  }

  async updateAmount(): Promise<number> {
    // The fee for PayPal does not depend on what the buyer chose in PayPal's window.
    throw conflict('not_supported', 'A PayPal order is made with its final total.');
  }

  async refund(input: RefundInput): Promise<RefundAnswer> {
    const { result } = await this.orders.getOrder({ id: input.providerPaymentId });
    const unit = result.purchaseUnits?.[0];
    const captureId = unit?.payments?.captures?.[0]?.id;
    const currency = unit?.amount?.currencyCode ?? 'USD';
    if (!captureId) throw conflict('payment_not_captured', 'PayPal has no capture to refund.');
    const { result: refund } = await guard(() =>
      this.payments.refundCapturedPayment({
        captureId,
        paypalRequestId: input.idempotencyKey,
        prefer: 'return=representation',
        // custom_id names our refund, on PayPal's refund and its PAYMENT.CAPTURE.REFUNDED event.
        body: {
          amount: { currencyCode: currency, value: paypalValue(input.amount, currency) },
          customId: input.refundId,
        },
      }),
    );
    if (!refund.id) throw new Error('PayPal answered without a refund id');
    return { providerRefundId: refund.id, status: refundStatus(refund.status) };
  }

  async findRefund(providerPaymentId: string, refundId: string): Promise<RefundAnswer | null> {
    const { result } = await this.orders.getOrder({ id: providerPaymentId });
    const refunds = result.purchaseUnits?.[0]?.payments?.refunds ?? [];
    const found = refunds.find((refund) => refund.customId === refundId);
    return found?.id ? { providerRefundId: found.id, status: refundStatus(found.status) } : null;
  }

  /** The order a capture belongs to (refund and reversal events name only the capture). */
  async orderOfCapture(
    captureId: string,
  ): Promise<{ orderId: string | null; customId: string | null }> {
    const { result } = await this.payments.getCapturedPayment({ captureId });
    return {
      orderId: result.supplementaryData?.relatedIds?.orderId ?? null,
      customId: result.customId ?? null,
    };
  }

  /**
   * PayPal's own check of a webhook delivery: POST /v1/notifications/verify-webhook-signature
   * with the transmission headers, our webhook's id and the event as delivered.
   */
  async verifyWebhook(transmission: PayPalTransmission, event: unknown): Promise<boolean> {
    if (!this.webhookId) return false;
    const answer = await paypalPost(this.api, '/v1/notifications/verify-webhook-signature', {
      auth_algo: transmission.authAlgo,
      cert_url: transmission.certUrl,
      transmission_id: transmission.transmissionId,
      transmission_sig: transmission.transmissionSig,
      transmission_time: transmission.transmissionTime,
      webhook_id: this.webhookId,
      webhook_event: event,
    });
    return answer.status === 200 && answer.body.verification_status === 'SUCCESS';
  }

  async listSavedMethods() {
    // PayPal's vault is not used: the buyer signs in to PayPal each time.
    return [];
  }

  async detachSavedMethod(): Promise<void> {}
}

function stateOf(order: OrderState): ProviderPaymentState {
  return {
    status: order.status,
    amount: order.amount,
    details: order.details,
    failure: order.failure,
  };
}

function refundStatus(status: string | undefined): RefundAnswer['status'] {
  if (status === 'COMPLETED') return 'succeeded';
  if (status === 'FAILED' || status === 'CANCELLED') return 'failed';
  return 'pending';
}

async function guard<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asApiError(error);
  }
}

/** PayPal's refusals (4xx) become our 422 `provider_<issue>`; others stay errors. */
function asApiError(error: unknown): unknown {
  const refusal = paypalIssue(error);
  if (!refusal || refusal.status >= 500 || refusal.status === 401) return error;
  return unprocessable(`provider_${refusal.issue.toLowerCase()}`, refusal.text);
}
