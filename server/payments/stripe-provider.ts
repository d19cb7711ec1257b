/**
 * The Stripe provider: PaymentIntents through the `stripe` SDK, the way Stripe's own samples do
 * it (pinned API version, `appInfo`, an idempotency key on every request that creates or changes
 * something). A Customer is made only when the card is to be saved; the card is then kept with
 * `setup_future_usage: 'off_session'`. Outcomes reach us by webhook (server/routes/webhooks.ts)
 * and by `retrieve()` for reconciliation.
 */
import type Stripe from 'stripe';
import { paymentMethodsFor } from '../../shared/quote.ts';
import { conflict, unprocessable } from '../http/errors.ts';
import type {
  CreatedPayment,
  CreatePaymentInput,
  PaymentMethodDetails,
  PaymentProvider,
  ProviderPaymentState,
  RefundInput,
  SavedMethod,
  ServerConfirmed,
  ServerConfirmInput,
} from './provider.ts';
import { intentDetails, intentFailure, intentStatus, methodDetails } from './stripe-intents.ts';
import { stripeSdk } from './stripe-sdk.ts';

/**
 * The API version this code was written against: the SDK's own default, named here so that an
 * SDK upgrade that moves it fails the type check instead of changing object shapes unnoticed.
 */
export const STRIPE_API_VERSION = '2026-10-28.endive' satisfies Stripe.LatestApiVersion;

export interface StripeOptions {
  secretKey: string;
  /** Another API address, for tests against a local stand-in: `http://127.0.0.1:12111`. */
  apiBase?: string | null;
}

/** A client of Stripe's API, made once the SDK is loaded (./stripe-sdk.ts). */
export async function createStripeClient({ secretKey, apiBase }: StripeOptions): Promise<Stripe> {
  const base = apiBase ? new URL(apiBase) : null;
  const Stripe = await stripeSdk();
  return new Stripe(secretKey, {
    apiVersion: STRIPE_API_VERSION,
    appInfo: { name: 'Pay Portal' },
    typescript: true,
    ...(base && {
      host: base.hostname,
      port: base.port || (base.protocol === 'http:' ? 80 : 443),
      protocol: base.protocol === 'http:' ? 'http' : 'https',
    }),
  });
}

export class StripeProvider implements PaymentProvider {
  readonly name = 'stripe' as const;

  #client: Promise<Stripe> | null = null;

  /**
   * `client` is called on the first call to Stripe: the provider is made at start (to refuse a
   * bad configuration then), the SDK is loaded when a payment or an event first needs it.
   */
  constructor(private readonly makeClient: () => Promise<Stripe>) {}

  private stripe(): Promise<Stripe> {
    this.#client ??= this.makeClient();
    return this.#client;
  }

  async createPayment(
    input: CreatePaymentInput,
  ): Promise<CreatedPayment & { providerPaymentId: string }> {
    const reusing = input.savedPaymentMethodId !== null;
    const needsCustomer = input.savePaymentMethod || reusing;
    const providerCustomerId =
      input.customer.providerCustomerId ??
      (needsCustomer ? await this.createCustomer(input) : null);
    const intent = await guard(async () =>
      (await this.stripe()).paymentIntents.create(
        {
          amount: input.amount,
          currency: input.currency.toLowerCase(),
          // Listed, not automatic: every method offered must have a fee rule of the business.
          // (API versions from 2026-09-30 call the list `allowed_payment_method_types`.)
          allowed_payment_method_types: paymentMethodsFor(input.currency),
          ...(providerCustomerId && needsCustomer ? { customer: providerCustomerId } : {}),
          ...(input.savePaymentMethod ? { setup_future_usage: 'off_session' as const } : {}),
          ...(reusing ? { payment_method: input.savedPaymentMethodId as string } : {}),
          metadata: { ...input.metadata, payment_id: input.paymentId },
        },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return {
      providerPaymentId: intent.id,
      clientSecret: intent.client_secret,
      status: intentStatus(intent),
      providerCustomerId: needsCustomer ? providerCustomerId : null,
    };
  }

  private async createCustomer(input: CreatePaymentInput): Promise<string> {
    const customer = await guard(async () =>
      (await this.stripe()).customers.create(
        {
          name: input.customer.name,
          ...(input.customer.email ? { email: input.customer.email } : {}),
          metadata: { customer_id: input.customer.id },
        },
        { idempotencyKey: `${input.idempotencyKey}:customer` },
      ),
    );
    return customer.id;
  }

  async updateAmount(providerPaymentId: string, amount: number, idempotencyKey: string) {
    const intent = await guard(async () =>
      (await this.stripe()).paymentIntents.update(
        providerPaymentId,
        { amount },
        { idempotencyKey },
      ),
    );
    // A replayed answer (`Idempotent-Replayed: true`) is an older request's: not proof of this one.
    if (intent.lastResponse?.headers?.['idempotent-replayed'] === 'true') {
      return (await (await this.stripe()).paymentIntents.retrieve(providerPaymentId)).amount;
    }
    return intent.amount;
  }

  async retrieve(providerPaymentId: string): Promise<ProviderPaymentState> {
    const intent = await (await this.stripe()).paymentIntents.retrieve(providerPaymentId, {
      expand: ['latest_charge', 'payment_method'],
    });
    return {
      status: intentStatus(intent),
      amount: intent.status === 'succeeded' ? intent.amount_received : intent.amount,
      details: intentDetails(intent),
      failure: intentFailure(intent),
    };
  }

  async cancel(providerPaymentId: string, idempotencyKey: string): Promise<void> {
    try {
      await (await this.stripe()).paymentIntents.cancel(
        providerPaymentId,
        { cancellation_reason: 'abandoned' },
        { idempotencyKey },
      );
    } catch (error) {
      if (!(error instanceof (await stripeSdk()).errors.StripeInvalidRequestError)) throw error;
      if (error.code !== 'payment_intent_unexpected_state') throw error;
      // Canceled already (a retry), or it went on without us: Stripe's status says which.
      const intent = await (await this.stripe()).paymentIntents.retrieve(providerPaymentId);
      if (intent.status === 'canceled') return;
      throw conflict(
        'payment_not_cancelable',
        `This payment is ${intentStatus(intent)} and can no longer be canceled.`,
      );
    }
  }

  async refund(input: RefundInput) {
    const refund = await guard(async () =>
      (await this.stripe()).refunds.create(
        {
          payment_intent: input.providerPaymentId,
          amount: input.amount,
          metadata: { refund_id: input.refundId },
        },
        { idempotencyKey: input.idempotencyKey },
      ),
    );
    return { providerRefundId: refund.id, status: refundStatus(refund.status) };
  }

  async findRefund(providerPaymentId: string, refundId: string) {
    const page = await (await this.stripe()).refunds.list({
      payment_intent: providerPaymentId,
      limit: 100,
    });
    const found = page.data.find((refund) => refund.metadata?.refund_id === refundId);
    return found ? { providerRefundId: found.id, status: refundStatus(found.status) } : null;
  }

  /** The refunds of a charge, for `charge.refunded` events (they do not list them). */
  async refundsOfCharge(chargeId: string): Promise<Stripe.Refund[]> {
    const page = await (await this.stripe()).refunds.list({ charge: chargeId, limit: 100 });
    return page.data;
  }

  async describePaymentMethod(reference: string): Promise<PaymentMethodDetails> {
    if (reference.startsWith('ctoken_')) {
      const token = await guard(async () =>
        (await this.stripe()).confirmationTokens.retrieve(reference),
      );
      const preview = token.payment_method_preview;
      if (!preview) throw unprocessable('payment_method_missing', 'No payment method was given.');
      return methodDetails(preview, null);
    }
    const method = await guard(async () =>
      (await this.stripe()).paymentMethods.retrieve(reference),
    );
    return methodDetails(method, method.id);
  }

  async confirmOnServer(input: ServerConfirmInput): Promise<ServerConfirmed> {
    try {
      const intent = await guard(async () =>
        (await this.stripe()).paymentIntents.confirm(
          input.providerPaymentId,
          {
            // A saved card has no token: Stripe.js handles 3-D Secure all the same.
            ...(input.reference
              ? { confirmation_token: input.reference }
              : { use_stripe_sdk: true }),
            return_url: input.returnUrl,
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      );
      const next = intent.status === 'requires_action' ? intent.next_action : null;
      return { nextAction: next ? { type: next.type } : null };
    } catch (error) {
      // A decline is Stripe's 402 card error: the PaymentIntent now says why (read afterwards).
      if (error instanceof (await stripeSdk()).errors.StripeCardError) return { nextAction: null };
      throw error;
    }
  }

  async listSavedMethods(providerCustomerId: string): Promise<SavedMethod[]> {
    const page = await (await this.stripe()).customers.listPaymentMethods(providerCustomerId, {
      type: 'card',
      limit: 100,
    });
    return page.data.map((method) => ({
      providerPaymentMethodId: method.id,
      brand: method.card?.brand ?? null,
      last4: method.card?.last4 ?? null,
      expMonth: method.card?.exp_month ?? null,
      expYear: method.card?.exp_year ?? null,
    }));
  }

  async detachSavedMethod(providerPaymentMethodId: string): Promise<void> {
    try {
      await (await this.stripe()).paymentMethods.detach(providerPaymentMethodId);
    } catch (error) {
      // Already detached (say, from Stripe's dashboard): the customer's wish is met.
      if (error instanceof (await stripeSdk()).errors.StripeInvalidRequestError) {
        if (error.code === 'payment_method_unexpected_state') return;
      }
      throw error;
    }
  }
}

/** Stripe's request errors (an amount below Stripe's minimum, say) become our 422. */
async function guard<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof (await stripeSdk()).errors.StripeInvalidRequestError) {
      throw unprocessable(
        error.code ? `provider_${error.code}` : 'provider_invalid_request',
        error.message,
      );
    }
    throw error;
  }
}

function refundStatus(status: string | null): 'succeeded' | 'pending' | 'failed' {
  if (status === 'succeeded') return 'succeeded';
  if (status === 'failed' || status === 'canceled') return 'failed';
  return 'pending';
}
