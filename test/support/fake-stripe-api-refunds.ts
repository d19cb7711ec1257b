/** The fake Stripe server's refunds and disputes: money going back after a payment. */
import type Stripe from 'stripe';
import { FakeStripeIntents } from './fake-stripe-api-intents.ts';
import type { Params } from './fake-stripe-api-store.ts';
import { refund } from './fake-stripe-charges.ts';
import { dispute } from './fake-stripe-disputes.ts';
import { fakeId } from './fake-stripe-objects.ts';
import { TEST_CARDS } from './fake-stripe-payment-methods.ts';
import { invalid, unexpectedState } from './fake-stripe-rules.ts';

export class FakeStripeRefunds extends FakeStripeIntents {
  readonly disputes = new Map<string, Stripe.Dispute>();

  // --- What Stripe.js and the networks do -------------------------------------------------

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
        { id: fakeId('txn'), amount: sign * dispute.amount } as Stripe.BalanceTransaction,
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
    const card = TEST_CARDS[this.cardNumbers.get(`${charged?.payment_method}`) ?? ''];
    if (card?.refund !== 'fails') {
      throw new Error('only a refund of 4000 0000 0000 5126 fails after it succeeded');
    }
    refund.status = 'failed';
    refund.failure_reason = reason;
    refund.failure_balance_transaction = fakeId('txn');
    if (charged) {
      charged.amount_refunded -= refund.amount;
      charged.refunded = false;
    }
    return refund;
  }

  // --- The API --------------------------------------------------------------------------

  protected createRefund(params: Params) {
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
    const created = refund(paid, amount, params.reason ?? null, params.metadata ?? {});
    // Stripe's refund test cards: 4000 0000 0000 7726 leaves a refund pending for a while.
    if (TEST_CARDS[this.cardNumbers.get(`${paid.payment_method}`) ?? '']?.refund === 'pending') {
      created.status = 'pending';
      created.pending_reason = 'processing';
    }
    paid.amount_refunded += amount;
    paid.refunded = paid.amount_refunded === paid.amount;
    return this.store(this.refunds, created);
  }
}
