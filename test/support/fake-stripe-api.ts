/**
 * What the fake Stripe server knows and does: its objects, the API calls Pay Portal makes, and the
 * parts Stripe.js and the card networks play (a customer confirming with a test card, passing
 * 3-D Secure, a bank debit clearing). test/support/fake-stripe.ts puts it behind HTTP.
 */
import type Stripe from 'stripe';
import { dispute } from './fake-stripe-disputes.ts';
import * as make from './fake-stripe-objects.ts';
import { KNOWN_PARAMS } from './fake-stripe-params.ts';
import { checkAmount, invalid, StripeApiError, unexpectedState } from './fake-stripe-rules.ts';

// biome-ignore lint/suspicious/noExplicitAny: decoded form data is as loose as Stripe's own.
export type Params = Record<string, any>;

export type PayWith =
  | { card: string }
  | { bankAccount: string }
  | { paymentMethod: string }
  | { confirmationToken: string };

export class FakeStripeApi {
  readonly intents = new Map<string, Stripe.PaymentIntent>();
  readonly charges = new Map<string, Stripe.Charge>();
  readonly paymentMethods = new Map<string, Stripe.PaymentMethod>();
  readonly customers = new Map<string, Stripe.Customer>();
  readonly refunds = new Map<string, Stripe.Refund>();
  readonly confirmationTokens = new Map<string, Stripe.ConfirmationToken>();
  /** The test number behind each card payment method: it decides what paying with it does. */
  private readonly cardNumbers = new Map<string, string>();
  /** The payment method each confirmation token previews. */
  private readonly tokenMethods = new Map<string, string>();
  apiVersion = 'unknown';

  route(method: string, path: string, params: Params): unknown {
    const [version, resource, id, action] = path.split('/').filter(Boolean);
    const call = `${method} ${resource}${id ? '/:id' : ''}${action ? `/${action}` : ''}`;
    const known = KNOWN_PARAMS[call];
    if (version === 'v1' && known) {
      const unknown = Object.keys(params).find((name) => !known.includes(name));
      if (unknown) {
        throw invalid(unknown, `Received unknown parameter: ${unknown}`, 'parameter_unknown');
      }
    }
    if (version === 'v1') {
      switch (call) {
        case 'POST payment_intents':
          return this.createIntent(params);
        case 'GET payment_intents/:id':
          return this.showIntent(this.find(this.intents, 'payment_intent', id), params.expand);
        case 'POST payment_intents/:id':
          return this.updateIntent(this.find(this.intents, 'payment_intent', id), params);
        case 'POST payment_intents/:id/cancel':
          return this.cancelIntent(this.find(this.intents, 'payment_intent', id), params);
        case 'POST customers':
          return this.store(this.customers, make.customer(customerFields(params)));
        case 'GET customers/:id/payment_methods':
          return this.list(this.saved(this.find(this.customers, 'customer', id).id, params.type));
        case 'GET payment_methods':
          this.find(this.customers, 'customer', params.customer, 'customer');
          return this.list(this.saved(params.customer, params.type));
        case 'GET payment_methods/:id':
          return this.find(this.paymentMethods, 'payment_method', id);
        case 'POST payment_methods/:id/detach':
          return this.detach(this.find(this.paymentMethods, 'payment_method', id));
        case 'GET confirmation_tokens/:id':
          return this.find(this.confirmationTokens, 'confirmation_token', id);
        case 'POST refunds':
          return this.createRefund(params);
        case 'GET refunds/:id':
          return this.find(this.refunds, 'refund', id);
        case 'GET refunds':
          return this.list(
            [...this.refunds.values()].filter(
              (r) =>
                (params.charge === undefined || r.charge === params.charge) &&
                (params.payment_intent === undefined || r.payment_intent === params.payment_intent),
            ),
          );
      }
    }
    throw new StripeApiError(404, {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${method}: ${path}).`,
    });
  }

  // --- What Stripe.js and the networks do -------------------------------------------------

  /** Stripe.js `createPaymentMethod`: one of Stripe's test cards, or a test bank account. */
  createPaymentMethod(from: { card: string } | { bankAccount: string }): Stripe.PaymentMethod {
    const method =
      'card' in from
        ? make.cardPaymentMethod(from.card, null)
        : make.bankPaymentMethod(from.bankAccount);
    if ('card' in from) this.cardNumbers.set(method.id, from.card);
    return this.store(this.paymentMethods, method);
  }

  /** Stripe.js `createConfirmationToken`: the card the customer typed, before confirming. */
  createConfirmationToken(card: string): Stripe.ConfirmationToken {
    const method = this.createPaymentMethod({ card });
    const token = this.store(this.confirmationTokens, make.confirmationToken(method));
    this.tokenMethods.set(token.id, method.id);
    return token;
  }

  /** Stripe.js `confirmPayment`: pays the intent with a test card, bank account or saved card. */
  confirm(intentId: string, payWith: PayWith): Stripe.PaymentIntent {
    const intent = this.find(this.intents, 'payment_intent', intentId);
    if (intent.status === 'canceled' || intent.status === 'succeeded') {
      throw unexpectedState(
        'payment_intent_unexpected_state',
        `You cannot confirm this PaymentIntent because it has a status of ${intent.status}.`,
      );
    }
    const method =
      'paymentMethod' in payWith
        ? this.find(this.paymentMethods, 'payment_method', payWith.paymentMethod)
        : 'confirmationToken' in payWith
          ? this.find(
              this.paymentMethods,
              'payment_method',
              this.tokenMethods.get(payWith.confirmationToken),
            )
          : this.createPaymentMethod(payWith);
    intent.payment_method = method.id;
    const outcome = make.TEST_CARDS[this.cardNumbers.get(method.id) ?? '']?.outcome ?? 'succeeded';
    if (outcome === 'requires_action') {
      intent.status = 'requires_action';
      intent.next_action = {
        type: 'use_stripe_sdk',
        use_stripe_sdk: { type: 'three_d_secure_redirect' },
      };
      return intent;
    }
    return this.finish(intent, method, outcome);
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

  readonly disputes = new Map<string, Stripe.Dispute>();

  /**
   * The cardholder disputes a paid intent, then the dispute moves as Stripe moves it: its funds
   * are withdrawn from the business (`balance_transactions` gains the withdrawal), reinstated if
   * the business wins, and it closes `won` or `lost`.
   */
  openDispute(intentId: string, reason = 'fraudulent'): Stripe.Dispute {
    const intent = this.find(this.intents, 'payment_intent', intentId);
    const paid = this.find(this.charges, 'charge', `${intent.latest_charge}`);
    paid.disputed = true;
    return this.store(this.disputes, dispute(paid, reason));
  }

  moveDispute(disputeId: string, to: 'funds_withdrawn' | 'funds_reinstated' | 'won' | 'lost') {
    const dispute = this.find(this.disputes, 'dispute', disputeId);
    if (to === 'funds_withdrawn' || to === 'funds_reinstated') {
      const sign = to === 'funds_withdrawn' ? -1 : 1;
      dispute.balance_transactions = [
        ...dispute.balance_transactions,
        { id: make.fakeId('txn'), amount: sign * dispute.amount } as Stripe.BalanceTransaction,
      ];
      if (to === 'funds_withdrawn') dispute.status = 'under_review';
    } else {
      dispute.status = to;
    }
    return dispute;
  }

  /** A pending refund goes through (Stripe's `refund.updated` with status `succeeded` follows). */
  settleRefund(refundId: string): Stripe.Refund {
    const refund = this.find(this.refunds, 'refund', refundId);
    if (refund.status === 'pending') {
      refund.status = 'succeeded';
      delete refund.pending_reason;
    }
    return refund;
  }

  /**
   * A refund Stripe reported as succeeded fails later (the card was closed: Stripe's
   * `expired_or_canceled_card`); the money goes back to the business's Stripe balance.
   */
  failRefund(refundId: string, reason = 'expired_or_canceled_card'): Stripe.Refund {
    const refund = this.find(this.refunds, 'refund', refundId);
    if (refund.status === 'failed' || refund.status === 'canceled') return refund;
    const charged = this.charges.get(`${refund.charge}`);
    const card = make.TEST_CARDS[this.cardNumbers.get(`${charged?.payment_method}`) ?? ''];
    if (card?.refund !== 'fails') {
      throw new Error('only a refund of 4000 0000 0000 5126 fails after it succeeded');
    }
    refund.status = 'failed';
    refund.failure_reason = reason;
    refund.failure_balance_transaction = make.fakeId('txn');
    if (charged) {
      charged.amount_refunded -= refund.amount;
      charged.refunded = false;
    }
    return refund;
  }

  // --- The API --------------------------------------------------------------------------

  private createIntent(params: Params) {
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
      make.paymentIntent({
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

  private showIntent(intent: Stripe.PaymentIntent, expand: string[] = []) {
    const shown: Params = { ...intent };
    if (expand.includes('latest_charge') && typeof intent.latest_charge === 'string') {
      shown.latest_charge = this.charges.get(intent.latest_charge) ?? null;
    }
    if (expand.includes('payment_method') && typeof intent.payment_method === 'string') {
      shown.payment_method = this.paymentMethods.get(intent.payment_method) ?? null;
    }
    return shown;
  }

  private updateIntent(intent: Stripe.PaymentIntent, params: Params) {
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
  private cancelIntent(intent: Stripe.PaymentIntent, params: Params) {
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

  private detach(method: Stripe.PaymentMethod) {
    if (!method.customer) {
      throw unexpectedState(
        'payment_method_unexpected_state',
        'The payment method you provided is not attached to a customer so detachment is impossible.',
      );
    }
    method.customer = null;
    return method;
  }

  private createRefund(params: Params) {
    const intent = this.find(
      this.intents,
      'payment_intent',
      params.payment_intent,
      'payment_intent',
    );
    const paid = this.charges.get(`${intent.latest_charge}`);
    if (intent.status !== 'succeeded' || !paid?.paid) {
      throw invalid(
        'payment_intent',
        `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`,
      );
    }
    const left = paid.amount - paid.amount_refunded;
    if (left === 0) {
      throw unexpectedState(
        'charge_already_refunded',
        `Charge ${paid.id} has already been refunded.`,
      );
    }
    const amount = params.amount === undefined ? left : Number(params.amount);
    if (!Number.isInteger(amount) || amount < 1 || amount > left) {
      throw invalid(
        'amount',
        `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`,
        'amount_too_large',
      );
    }
    const created = make.refund(paid, amount, params.reason ?? null, params.metadata ?? {});
    // Stripe's refund test cards: 4000 0000 0000 7726 leaves a refund pending for a while.
    if (
      make.TEST_CARDS[this.cardNumbers.get(`${paid.payment_method}`) ?? '']?.refund === 'pending'
    ) {
      created.status = 'pending';
      created.pending_reason = 'processing';
    }
    paid.amount_refunded += amount;
    paid.refunded = paid.amount_refunded === paid.amount;
    return this.store(this.refunds, created);
  }

  private finish(
    intent: Stripe.PaymentIntent,
    method: Stripe.PaymentMethod,
    outcome: make.TestCard['outcome'],
  ) {
    if (outcome === 'declined' || outcome === 'insufficient_funds') {
      const message =
        outcome === 'declined' ? 'Your card was declined.' : 'Your card has insufficient funds.';
      const failed = make.charge(intent, method, {
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
    const paid = make.charge(intent, method, {
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

  private saved(customerId: string, type?: string) {
    return [...this.paymentMethods.values()].filter(
      (method) => method.customer === customerId && (!type || method.type === type),
    );
  }

  private list(data: unknown[]) {
    return { object: 'list', data, has_more: false, url: '/v1/list' };
  }

  private find<T>(map: Map<string, T>, kind: string, id: string | undefined, param = 'id'): T {
    const found = map.get(id ?? '');
    if (found) return found;
    throw new StripeApiError(404, {
      type: 'invalid_request_error',
      code: 'resource_missing',
      message: `No such ${kind}: '${id ?? ''}'`,
      param,
    });
  }

  private store<T extends { id: string }>(map: Map<string, T>, object: T): T {
    map.set(object.id, object);
    return object;
  }
}

function customerFields(params: Params) {
  return {
    name: params.name ?? null,
    email: params.email ?? null,
    metadata: params.metadata ?? {},
  };
}
