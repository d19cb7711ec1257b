/** The fake Stripe server's objects, kept by id, and how it finds, stores and lists them. */
import type Stripe from 'stripe';
import { StripeApiError } from './fake-stripe-rules.ts';

// biome-ignore lint/suspicious/noExplicitAny: decoded form data is as loose as Stripe's own.
export type Params = Record<string, any>;

export class FakeStripeStore {
  readonly intents = new Map<string, Stripe.PaymentIntent>();
  readonly charges = new Map<string, Stripe.Charge>();
  readonly paymentMethods = new Map<string, Stripe.PaymentMethod>();
  readonly customers = new Map<string, Stripe.Customer>();
  readonly refunds = new Map<string, Stripe.Refund>();
  readonly confirmationTokens = new Map<string, Stripe.ConfirmationToken>();
  /** The test number behind each card payment method: it decides what paying with it does. */
  protected readonly cardNumbers = new Map<string, string>();
  /** The payment method each confirmation token previews. */
  protected readonly tokenMethods = new Map<string, string>();
  apiVersion = 'unknown';

  protected list(data: unknown[]) {
    return { object: 'list', data, has_more: false, url: '/v1/list' };
  }

  protected find<T>(map: Map<string, T>, kind: string, id: string | undefined, param = 'id'): T {
    const found = map.get(id ?? '');
    if (found) return found;
    throw new StripeApiError(404, {
      type: 'invalid_request_error',
      code: 'resource_missing',
      message: `No such ${kind}: '${id ?? ''}'`,
      param,
    });
  }

  protected store<T extends { id: string }>(map: Map<string, T>, object: T): T {
    map.set(object.id, object);
    return object;
  }
}
