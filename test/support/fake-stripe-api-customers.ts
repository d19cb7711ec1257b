/** The fake Stripe server's customers' payment methods: made by Stripe.js, listed, detached. */
import type Stripe from 'stripe';
import { FakeStripeStore } from './fake-stripe-api-store.ts';
import {
  bankPaymentMethod,
  cardPaymentMethod,
  confirmationToken,
} from './fake-stripe-payment-methods.ts';
import { unexpectedState } from './fake-stripe-rules.ts';

export class FakeStripeCustomers extends FakeStripeStore {
  // --- What Stripe.js and the networks do -------------------------------------------------

  /** Stripe.js `createPaymentMethod`: one of Stripe's test cards, or a test bank account. */
  createPaymentMethod(from: { card: string } | { bankAccount: string }): Stripe.PaymentMethod {
    const method =
      'card' in from ? cardPaymentMethod(from.card, null) : bankPaymentMethod(from.bankAccount);
    if ('card' in from) this.cardNumbers.set(method.id, from.card);
    return this.store(this.paymentMethods, method);
  }

  /** Stripe.js `createConfirmationToken`: the card the customer typed, before confirming. */
  createConfirmationToken(card: string): Stripe.ConfirmationToken {
    const method = this.createPaymentMethod({ card });
    const token = this.store(this.confirmationTokens, confirmationToken(method));
    this.tokenMethods.set(token.id, method.id);
    return token;
  }

  // --- The API --------------------------------------------------------------------------

  protected detach(method: Stripe.PaymentMethod) {
    if (!method.customer) {
      throw unexpectedState(
        'payment_method_unexpected_state',
        'The payment method you provided is not attached to a customer so detachment is impossible.',
      );
    }
    method.customer = null;
    return method;
  }

  protected saved(customerId: string, type?: string) {
    return [...this.paymentMethods.values()].filter(
      (method) => method.customer === customerId && (!type || method.type === type),
    );
  }
}
