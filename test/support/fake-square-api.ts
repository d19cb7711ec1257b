/**
 * What the Square stand-in knows and does: payments (made with a one-time card token or a card on
 * file, authorized or completed at once, completed, canceled, canceled by idempotency key),
 * refunds (PENDING, then COMPLETED or FAILED when the test says), customers and cards on file —
 * with Square's documented rules: a token is used once (`CARD_TOKEN_USED`), a decline is a 400
 * `PAYMENT_METHOD_ERROR` carrying the FAILED payment, only an APPROVED payment is completed or
 * canceled, a refund takes at most what is left of a COMPLETED payment, and amounts are positive
 * integers in the location's currency. Idempotency is test/support/fake-square.ts's.
 */
import {
  SQUARE_TEST_CARDS,
  SQUARE_TEST_NONCES,
  type SquarePaymentObject,
  squareCard,
  squareId,
  squarePayment,
  squareRefund,
} from './fake-square-objects.ts';
import {
  type Body,
  type Card,
  FakeSquareStore,
  invalid,
  notFound,
  SquareApiError,
  shown,
  snake,
} from './fake-square-store.ts';

export type { Body } from './fake-square-store.ts';
export { SquareApiError } from './fake-square-store.ts';

export class FakeSquareApi extends FakeSquareStore {
  /** A refund the card network settles later: COMPLETED, or FAILED (the money returns). */
  settleRefund(id: string, status: 'COMPLETED' | 'FAILED') {
    const refund = this.find(this.refunds, 'refund', id);
    refund.status = status;
    refund.updated_at = new Date().toISOString();
    if (status === 'FAILED') {
      const payment = this.payments.get(refund.payment_id)!;
      payment.refunded_money.amount -= refund.amount_money.amount;
    }
    return refund;
  }

  route(method: string, path: string, query: URLSearchParams, body: Body): unknown {
    const [version, resource, id, action] = path
      .split('/')
      .filter(Boolean)
      .map((part) => decodeURIComponent(part));
    if (version !== 'v2') throw notFound('route', path);
    const call = `${method} ${resource}${id ? '/:id' : ''}${action ? `/${action}` : ''}`;
    switch (call) {
      case 'POST payments':
        return { payment: this.createPayment(body) };
      case 'GET payments/:id':
        return { payment: this.find(this.payments, 'payment', id!) };
      case 'POST payments/:id/complete':
        if (id === 'cancel') break;
        return { payment: this.complete(this.find(this.payments, 'payment', id!)) };
      case 'POST payments/:id/cancel':
        return { payment: this.cancel(this.find(this.payments, 'payment', id!)) };
      case 'GET payments':
        return { payments: [...this.payments.values()] };
      case 'POST refunds':
        return { refund: this.createRefund(body) };
      case 'GET refunds/:id':
        return { refund: this.find(this.refunds, 'refund', id!) };
      case 'POST customers': {
        const customer = { id: squareId(26), created_at: new Date().toISOString(), ...snake(body) };
        this.customers.set(customer.id, customer);
        return { customer };
      }
      case 'POST cards':
        return { card: this.createCard(body) };
      case 'GET cards':
        return {
          cards: [...this.cards.values()]
            .filter((card) => card.customer_id === query.get('customer_id') && card.enabled)
            .map(shown),
        };
      case 'GET cards/:id':
        return { card: shown(this.find(this.cards, 'card', id!)) };
      case 'POST cards/:id/disable': {
        const card = this.find(this.cards, 'card', id!);
        card.enabled = false;
        return { card: shown(card) };
      }
    }
    // POST /v2/payments/cancel: CancelPaymentByIdempotencyKey.
    if (method === 'POST' && path === '/v2/payments/cancel') {
      const paymentId = this.byKey.get(body.idempotency_key);
      const payment = paymentId ? this.payments.get(paymentId) : undefined;
      if (payment?.status === 'APPROVED') this.cancel(payment);
      return {};
    }
    throw notFound('route', `${method} ${path}`);
  }

  private createPayment(body: Body): SquarePaymentObject {
    for (const field of ['source_id', 'idempotency_key']) {
      if (!body[field])
        throw invalid('MISSING_REQUIRED_PARAMETER', `Missing required parameter.`, field);
    }
    const amount = this.money(body.amount_money, 'amount_money');
    if (body.location_id && body.location_id !== this.locationId) {
      throw notFound('location', body.location_id);
    }
    const customerId: string | null = body.customer_id ?? null;
    if (customerId && !this.customers.has(customerId)) throw notFound('customer', customerId);
    let number: string;
    let onFile: Card | null = null;
    let wallet: 'APPLE_PAY' | 'GOOGLE_PAY' | undefined;
    const source: string = body.source_id;
    if (source.startsWith('bnon:')) return this.createBankPayment(body, amount, customerId);
    if (source.startsWith('ccof:')) {
      onFile = this.find(this.cards, 'card', source);
      if (!onFile.enabled)
        throw invalid('CARD_DECLINED', 'The card on file is disabled.', 'source_id');
      if (onFile.customer_id !== customerId) {
        throw invalid(
          'INVALID_CARD',
          'The card on file belongs to another customer.',
          'customer_id',
        );
      }
      number = onFile.number;
    } else {
      const nonce =
        this.nonces.get(source) ??
        (SQUARE_TEST_NONCES[source] ? { number: SQUARE_TEST_NONCES[source]!, used: false } : null);
      if (!nonce) throw invalid('INVALID_CARD_DATA', 'Invalid card data.', 'source_id');
      if (nonce.used)
        throw invalid(
          'CARD_TOKEN_USED',
          'Card nonce already used; please request new nonce.',
          'source_id',
        );
      nonce.used = true;
      number = nonce.number;
      wallet = nonce.wallet;
    }
    const test = SQUARE_TEST_CARDS[number]!;
    const verified = this.verificationOf(body, source);
    const card = onFile
      ? { ...squareCard(number, onFile.customer_id ?? null), id: onFile.id }
      : squareCard(number, null);
    // An SCA card's issuer declines what its buyer did not verify (a wallet's device did).
    const decline =
      test.decline ??
      (test.sca && !wallet && !verified ? 'CARD_DECLINED_VERIFICATION_REQUIRED' : null);
    const errors = decline
      ? [
          {
            category: 'PAYMENT_METHOD_ERROR',
            code: decline,
            detail: `Authorization error: '${decline}'`,
          },
        ]
      : null;
    const payment = squarePayment({
      amount,
      status: errors ? 'FAILED' : body.autocomplete === false ? 'APPROVED' : 'COMPLETED',
      card,
      wallet: wallet !== undefined,
      locationId: this.locationId,
      referenceId: body.reference_id ?? null,
      customerId,
      errors,
    });
    this.payments.set(payment.id, payment);
    this.paidWith.set(payment.id, number);
    this.byKey.set(body.idempotency_key, payment.id);
    if (errors) throw new SquareApiError(400, errors, { payment });
    return payment;
  }

  /** A `verification_token` is `verifyBuyer`'s, for this very source; none is fine too. */
  private verificationOf(body: Body, source: string): boolean {
    const token = body.verification_token;
    if (token === undefined) return false;
    if (this.verifications.get(token) !== source) {
      throw invalid(
        'INVALID_VALUE',
        'The verification token is not valid for this source.',
        'verification_token',
      );
    }
    return true;
  }

  private complete(payment: SquarePaymentObject) {
    if (payment.status === 'COMPLETED') return payment;
    if (payment.status !== 'APPROVED' || !('card_details' in payment)) {
      throw invalid(
        'BAD_REQUEST',
        `Payment ${payment.id} is ${payment.status}: only an APPROVED payment can be completed.`,
      );
    }
    payment.status = 'COMPLETED';
    payment.card_details.status = 'CAPTURED';
    payment.updated_at = new Date().toISOString();
    return payment;
  }

  private cancel(payment: SquarePaymentObject) {
    if (payment.status === 'CANCELED') return payment;
    if (payment.status !== 'APPROVED' || !('card_details' in payment)) {
      throw invalid(
        'BAD_REQUEST',
        `Payment ${payment.id} is ${payment.status}: only an APPROVED payment can be canceled.`,
      );
    }
    payment.status = 'CANCELED';
    payment.card_details.status = 'VOIDED';
    payment.updated_at = new Date().toISOString();
    return payment;
  }

  private createRefund(body: Body) {
    for (const field of ['idempotency_key', 'payment_id']) {
      if (!body[field])
        throw invalid('MISSING_REQUIRED_PARAMETER', 'Missing required parameter.', field);
    }
    const payment = this.find(this.payments, 'payment', body.payment_id);
    if (payment.status !== 'COMPLETED') {
      throw invalid(
        'BAD_REQUEST',
        `Payment ${payment.id} is ${payment.status}: only a COMPLETED payment can be refunded.`,
      );
    }
    const amount = this.money(body.amount_money, 'amount_money');
    const left = payment.total_money.amount - payment.refunded_money.amount;
    if (amount.amount > left) {
      throw invalid(
        'REFUND_AMOUNT_INVALID',
        `The refund amount exceeds what is left to refund (${left}).`,
        'amount_money.amount',
      );
    }
    const refund = squareRefund(payment, amount, body.reason ?? null);
    this.refunds.set(refund.id, refund);
    payment.refunded_money.amount += amount.amount;
    payment.refund_ids.push(refund.id);
    return refund;
  }
}
