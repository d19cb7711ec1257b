/** The fake Stripe server's PaymentIntents: created, updated, canceled, confirmed and paid. */
import type Stripe from 'stripe';
import { FakeStripeCustomers } from './fake-stripe-api-customers.ts';
import type { Params } from './fake-stripe-api-store.ts';
import { charge } from './fake-stripe-charges.ts';
import { paymentIntent } from './fake-stripe-intents.ts';
import { TEST_CARDS, type TestCard } from './fake-stripe-payment-methods.ts';
import { checkAmount, invalid, StripeApiError, unexpectedState } from './fake-stripe-rules.ts';

export type PayWith =
  | { card: string }
  | { bankAccount: string }
  | { paymentMethod: string }
  | { confirmationToken: string };

export class FakeStripeIntents extends FakeStripeCustomers {
  // --- What Stripe.js and the networks do -------------------------------------------------

  /** Stripe.js `confirmPayment`: pays the intent with a test card, bank account or saved card. */
  confirm(intentId: string, payWith: PayWith): Stripe.PaymentIntent {
    const intent = this.find(this.intents, 'payment_intent', intentId);
    this.checkConfirmable(intent);
    const method =
      'paymentMethod' in payWith
        ? this.find(this.paymentMethods, 'payment_method', payWith.paymentMethod)
        : 'confirmationToken' in payWith
          ? this.tokenMethod(payWith.confirmationToken, intent)
          : this.createPaymentMethod(payWith);
    return this.pay(intent, method, {
      type: 'use_stripe_sdk',
      useStripeSdk: true,
      returnUrl: null,
    });
  }

  /** The customer passes (or fails) the 3-D Secure step of an intent in `requires_action`. */
  completeAction(intentId: string, passed = true): Stripe.PaymentIntent {
    const intent = this.find(this.intents, 'payment_intent', intentId);
    const method = this.find(this.paymentMethods, 'payment_method', `${intent.payment_method}`);
    if (passed) return this.finish(intent, method, 'succeeded');
    intent.status = 'requires_payment_method';
    intent.next_action = null;
    intent.payment_method = null;
    intent.last_payment_error = {
      type: 'invalid_request_error',
      code: 'payment_intent_authentication_failure',
      message:
        'We are unable to authenticate your payment method. Please choose a different payment method and try again.',
      payment_method: method,
      payment_method_type: 'card',
    };
    return intent;
  }

  /** A bank debit in `processing` clears. */
  settle(intentId: string): Stripe.PaymentIntent {
    const intent = this.find(this.intents, 'payment_intent', intentId);
    const paid = this.find(this.charges, 'charge', `${intent.latest_charge}`);
    paid.status = 'succeeded';
    intent.status = 'succeeded';
    intent.amount_received = intent.amount;
    return intent;
  }

  // --- The API --------------------------------------------------------------------------

  protected createIntent(params: Params) {
    for (const required of ['amount', 'currency']) {
      if (params[required] === undefined) {
        throw invalid(required, `Missing required param: ${required}.`, 'parameter_missing');
      }
    }
    if (!/^[a-z]{3}$/.test(params.currency ?? '')) {
      throw invalid('currency', 'Invalid currency: use a lowercase ISO code', 'invalid_currency');
    }
    const amount = checkAmount(params.amount, params.currency);
    // API versions from 2026-09-30 name the list `allowed_payment_method_types` (and know no other).
    const allowed = params.allowed_payment_method_types ?? null;
    if (params.automatic_payment_methods && allowed) {
      throw invalid(
        'allowed_payment_method_types',
        'You may only specify one of these parameters: automatic_payment_methods, allowed_payment_method_types.',
      );
    }
    if (params.customer) this.find(this.customers, 'customer', params.customer, 'customer');
    if (params.payment_method) {
      const method = this.find(this.paymentMethods, 'payment_method', params.payment_method);
      if (method.customer && method.customer !== params.customer) {
        throw invalid('payment_method', 'The provided PaymentMethod belongs to another Customer.');
      }
    }
    return this.store(
      this.intents,
      paymentIntent({
        amount,
        currency: params.currency,
        customer: params.customer ?? null,
        description: params.description ?? null,
        metadata: params.metadata ?? {},
        allowed_payment_method_types: allowed,
        automatic: params.automatic_payment_methods?.enabled === 'true',
        setup_future_usage: params.setup_future_usage ?? null,
        payment_method: params.payment_method ?? null,
        receipt_email: params.receipt_email ?? null,
      }),
    );
  }

  protected showIntent(intent: Stripe.PaymentIntent, expand: string[] = []) {
    const shown: Params = { ...intent };
    if (expand.includes('latest_charge') && typeof intent.latest_charge === 'string') {
      shown.latest_charge = this.charges.get(intent.latest_charge) ?? null;
    }
    if (expand.includes('payment_method') && typeof intent.payment_method === 'string') {
      shown.payment_method = this.paymentMethods.get(intent.payment_method) ?? null;
    }
    return shown;
  }

  protected updateIntent(intent: Stripe.PaymentIntent, params: Params) {
    if (['succeeded', 'processing', 'canceled'].includes(intent.status)) {
      throw unexpectedState(
        'payment_intent_unexpected_state',
        `This PaymentIntent's amount could not be updated because it has a status of ${intent.status}.`,
      );
    }
    if (params.amount !== undefined) intent.amount = checkAmount(params.amount, intent.currency);
    if (params.metadata) intent.metadata = { ...intent.metadata, ...params.metadata };
    if (params.payment_method) intent.payment_method = params.payment_method;
    return intent;
  }

  /** Stripe cancels an intent not yet taken; a succeeded, processing or canceled one is refused. */
  protected cancelIntent(intent: Stripe.PaymentIntent, params: Params) {
    if (['succeeded', 'processing', 'canceled'].includes(intent.status)) {
      throw unexpectedState(
        'payment_intent_unexpected_state',
        `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action.`,
      );
    }
    intent.status = 'canceled';
    intent.canceled_at = Math.floor(Date.now() / 1000);
    intent.cancellation_reason = params.cancellation_reason ?? null;
    return intent;
  }

  /**
   * `POST /v1/payment_intents/:id/confirm`, as "finalize payments on the server" uses it: with the
   * `confirmation_token` Stripe.js made (used once: it then names the intent), or the payment
   * method the intent already has. A 3-D Secure card answers `requires_action` with a
   * `next_action` (`use_stripe_sdk` when the token or `use_stripe_sdk=true` says Stripe.js will
   * handle it, else `redirect_to_url` back to `return_url`). A decline is a 402 `card_error`
   * carrying the PaymentIntent, which has moved to `requires_payment_method`.
   */
  protected confirmIntent(intent: Stripe.PaymentIntent, params: Params) {
    this.checkConfirmable(intent);
    let useStripeSdk = params.use_stripe_sdk === 'true';
    let method: Stripe.PaymentMethod;
    if (params.confirmation_token) {
      method = this.tokenMethod(params.confirmation_token, intent, 'confirmation_token');
      useStripeSdk ||= this.confirmationTokens.get(params.confirmation_token)!.use_stripe_sdk;
    } else if (params.payment_method || intent.payment_method) {
      method = this.find(
        this.paymentMethods,
        'payment_method',
        params.payment_method ?? `${intent.payment_method}`,
        'payment_method',
      );
    } else {
      throw unexpectedState(
        'payment_intent_unexpected_state',
        "You cannot confirm this PaymentIntent because it's missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method or ConfirmationToken.",
      );
    }
    const paid = this.pay(intent, method, {
      type: useStripeSdk ? 'use_stripe_sdk' : 'redirect_to_url',
      useStripeSdk,
      returnUrl: params.return_url ?? null,
    });
    const error = paid.last_payment_error;
    if (paid.status === 'requires_payment_method' && error?.type === 'card_error') {
      throw new StripeApiError(402, { ...error, payment_intent: paid } as never);
    }
    return paid;
  }

  /** Stripe refuses to confirm an intent that is paid, being paid, or canceled. */
  private checkConfirmable(intent: Stripe.PaymentIntent) {
    if (['canceled', 'succeeded', 'processing'].includes(intent.status)) {
      throw unexpectedState(
        'payment_intent_unexpected_state',
        `You cannot confirm this PaymentIntent because it has a status of ${intent.status}.`,
      );
    }
  }

  /** The payment method a ConfirmationToken previews; a token confirms one intent, once. */
  private tokenMethod(tokenId: string, intent: Stripe.PaymentIntent, param = 'id') {
    const token = this.find(this.confirmationTokens, 'confirmation_token', tokenId, param);
    if (token.payment_intent && token.payment_intent !== intent.id) {
      throw invalid(
        'confirmation_token',
        `ConfirmationToken '${token.id}' was already used to confirm ${token.payment_intent}.`,
      );
    }
    token.payment_intent = intent.id;
    return this.find(this.paymentMethods, 'payment_method', this.tokenMethods.get(token.id));
  }

  /** What paying an intent with a method does: 3-D Secure first, or the test card's outcome. */
  private pay(
    intent: Stripe.PaymentIntent,
    method: Stripe.PaymentMethod,
    action: { type: string; useStripeSdk: boolean; returnUrl: string | null },
  ): Stripe.PaymentIntent {
    intent.payment_method = method.id;
    const outcome = TEST_CARDS[this.cardNumbers.get(method.id) ?? '']?.outcome ?? 'succeeded';
    if (outcome === 'requires_action') {
      intent.status = 'requires_action';
      intent.next_action =
        action.type === 'use_stripe_sdk'
          ? { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect' } }
          : {
              type: 'redirect_to_url',
              redirect_to_url: {
                return_url: action.returnUrl,
                url: `https://hooks.stripe.com/3d_secure_2/hosted?payment_intent=${intent.id}`,
              },
            };
      return intent;
    }
    return this.finish(intent, method, outcome);
  }

  private finish(
    intent: Stripe.PaymentIntent,
    method: Stripe.PaymentMethod,
    outcome: TestCard['outcome'],
  ) {
    if (outcome === 'declined' || outcome === 'insufficient_funds') {
      const message =
        outcome === 'declined' ? 'Your card was declined.' : 'Your card has insufficient funds.';
      const failed = charge(intent, method, {
        paid: false,
        failureCode: 'card_declined',
        failureMessage: message,
      });
      this.store(this.charges, failed);
      intent.latest_charge = failed.id;
      intent.status = 'requires_payment_method';
      intent.payment_method = null;
      intent.last_payment_error = {
        type: 'card_error',
        code: 'card_declined',
        decline_code: outcome === 'declined' ? 'generic_decline' : 'insufficient_funds',
        message,
        charge: failed.id,
        payment_method: method,
        payment_method_type: 'card',
      };
      return intent;
    }
    const paid = charge(intent, method, {
      paid: true,
      failureCode: null,
      failureMessage: null,
    });
    this.store(this.charges, paid);
    intent.latest_charge = paid.id;
    intent.next_action = null;
    intent.last_payment_error = null;
    if (intent.setup_future_usage && typeof intent.customer === 'string') {
      method.customer = intent.customer;
    }
    if (method.type === 'us_bank_account') {
      paid.status = 'pending';
      intent.status = 'processing';
    } else {
      intent.status = 'succeeded';
      intent.amount_received = intent.amount;
    }
    return intent;
  }
}
