/**
 * The Square stand-in's objects by id, its error shape, and what the Web Payments SDK and the
 * Cards API do: one-time card tokens, cards on file made from a payment (fake-square-api.ts has
 * the payments and refunds and the routes).
 */
import {
  SQUARE_TEST_CARDS,
  type SquareBankPaymentObject,
  type SquareMoney,
  type SquarePaymentObject,
  type SquareRefundObject,
  type SquareTestBank,
  squareBankPayment,
  squareCard,
  squareId,
} from './fake-square-objects.ts';

// biome-ignore lint/suspicious/noExplicitAny: request bodies are as loose as JSON.
export type Body = Record<string, any>;

export class SquareApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: { category: string; code: string; detail: string; field?: string }[],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(errors[0]?.detail);
  }
}

export const invalid = (code: string, detail: string, field?: string) =>
  new SquareApiError(400, [
    { category: 'INVALID_REQUEST_ERROR', code, detail, ...(field ? { field } : {}) },
  ]);
export const notFound = (what: string, id: string) =>
  new SquareApiError(404, [
    {
      category: 'INVALID_REQUEST_ERROR',
      code: 'NOT_FOUND',
      detail: `Could not find ${what} with id ${id}.`,
    },
  ]);

export type Card = ReturnType<typeof squareCard> & { id: string; enabled: boolean; number: string };

export class FakeSquareStore {
  readonly locationId = 'LTEST0LOCATION';
  readonly currency = 'USD';
  readonly payments = new Map<string, SquarePaymentObject>();
  readonly refunds = new Map<string, SquareRefundObject>();
  readonly customers = new Map<string, Body>();
  readonly cards = new Map<string, Card>();
  /**
   * One-time tokens the card form (or a wallet) made, and the card number each stands for; a
   * wallet's token is marked with it.
   */
  protected readonly nonces = new Map<
    string,
    { number: string; used: boolean; wallet?: 'APPLE_PAY' | 'GOOGLE_PAY' }
  >();
  /** `ach.tokenize()`'s one-time bank tokens (`bnon:`), and the account each stands for. */
  protected readonly bankNonces = new Map<string, { bank: SquareTestBank; used: boolean }>();
  /** `verifyBuyer()`'s tokens (`verf:`), each for the one source it verified. */
  protected readonly verifications = new Map<string, string>();
  /** The test card behind each payment, and the key each was made with. */
  protected readonly paidWith = new Map<string, string>();
  protected readonly byKey = new Map<string, string>();
  /** The bank account behind each ACH payment. */
  protected readonly banks = new Map<string, SquareTestBank>();

  /** The Web Payments SDK's `card.tokenize()`: a one-time token for a test card. */
  tokenize(number: string): string {
    if (!SQUARE_TEST_CARDS[number]) throw new Error(`not a Square test card: ${number}`);
    const token = `cnon:${squareId(24)}`;
    this.nonces.set(token, { number, used: false });
    return token;
  }

  /**
   * Apple Pay's or Google Pay's `tokenize()`: the wallet's card as a one-time token. The device
   * authenticated the buyer, so no `verifyBuyer` follows.
   */
  tokenizeWallet(number: string, wallet: 'APPLE_PAY' | 'GOOGLE_PAY'): string {
    const token = this.tokenize(number);
    this.nonces.get(token)!.wallet = wallet;
    return token;
  }

  /** `ach.tokenize()` after the buyer chose their bank in Plaid: a one-time `bnon:` token. */
  tokenizeBank(account: 'ok' | 'fails' = 'ok'): string {
    const token = `bnon:${squareId(24)}`;
    const bank =
      account === 'ok'
        ? { bankName: 'Citizens Bank', suffix: '6789', fails: false }
        : { bankName: 'Citizens Bank', suffix: '1116', fails: true };
    this.bankNonces.set(token, { bank, used: false });
    return token;
  }

  /**
   * `payments.verifyBuyer(source, details)`: the buyer passed their bank's check (the challenge
   * of an SCA card, code 123456, or none), a `verf:` token for that token or card on file.
   */
  verifyBuyer(sourceId: string): string {
    if (!this.nonces.has(sourceId) && !this.cards.has(sourceId)) {
      throw new Error(`verifyBuyer: no such token or card ${sourceId}`);
    }
    const token = `verf:${squareId(32)}`;
    this.verifications.set(token, sourceId);
    return token;
  }

  protected createCard(body: Body): Body {
    const customerId = body.card?.customer_id;
    if (!customerId || !this.customers.has(customerId)) throw notFound('customer', `${customerId}`);
    // A card on file is made from a payment the card completed (or a fresh token).
    const payment = this.payments.get(body.source_id);
    let number: string | undefined;
    if (payment) {
      if (payment.status !== 'COMPLETED' && payment.status !== 'APPROVED') {
        throw invalid('INVALID_CARD', 'Only a card that paid can be kept on file.', 'source_id');
      }
      // Square's Cards API keeps no card from a bank transfer, Apple Pay or Google Pay.
      if (!('card_details' in payment) || payment.card_details.entry_method === 'CONTACTLESS') {
        throw invalid(
          'INVALID_CARD',
          'A card on file cannot be created from a digital wallet or bank payment.',
          'source_id',
        );
      }
      number = this.paidWith.get(payment.id);
    } else {
      const nonce = this.nonces.get(body.source_id);
      if (!nonce || nonce.used)
        throw invalid('INVALID_CARD_DATA', 'Invalid card data.', 'source_id');
      nonce.used = true;
      number = nonce.number;
    }
    const card: Card = {
      ...squareCard(number!, customerId),
      id: `ccof:${squareId(16)}`,
      enabled: true,
      number: number!,
    };
    this.cards.set(card.id, card);
    return shown(card);
  }

  /**
   * CreatePayment with an ACH token, as Square documents it: USD only, `autocomplete` must be
   * true, the payment is PENDING until the transfer completes or fails (`settleBankPayment`,
   * announced by `payment.updated`); it can be neither completed nor canceled.
   */
  protected createBankPayment(body: Body, amount: SquareMoney, customerId: string | null) {
    const nonce = this.bankNonces.get(body.source_id);
    if (!nonce) throw invalid('INVALID_CARD_DATA', 'Invalid bank account data.', 'source_id');
    if (nonce.used) {
      throw invalid('CARD_TOKEN_USED', 'Payment token already used.', 'source_id');
    }
    if (amount.currency !== 'USD') {
      throw invalid('INVALID_CURRENCY', 'ACH payments take USD only.', 'amount_money.currency');
    }
    if (body.autocomplete === false) {
      throw invalid('INVALID_VALUE', 'ACH payments must be autocompleted.', 'autocomplete');
    }
    nonce.used = true;
    const payment = squareBankPayment({
      amount,
      bank: nonce.bank,
      locationId: this.locationId,
      referenceId: body.reference_id ?? null,
      customerId,
    });
    this.payments.set(payment.id, payment);
    this.byKey.set(body.idempotency_key, payment.id);
    this.banks.set(payment.id, nonce.bank);
    return payment;
  }

  /** The ACH transfer ends, days later: COMPLETED, or FAILED as its account says. */
  settleBankPayment(id: string) {
    const payment = this.find(this.payments, 'payment', id);
    const bank = this.banks.get(id);
    if (!bank || payment.status !== 'PENDING') throw new Error(`${id} is no pending transfer`);
    payment.status = bank.fails ? 'FAILED' : 'COMPLETED';
    if (bank.fails) {
      (payment as SquareBankPaymentObject).bank_account_details.errors = [
        { category: 'PAYMENT_METHOD_ERROR', code: 'GENERIC_DECLINE', detail: 'ACH return R01' },
      ];
    }
    payment.updated_at = new Date().toISOString();
    return payment;
  }

  protected money(value: unknown, field: string): SquareMoney {
    const money = value as SquareMoney | undefined;
    if (!money || typeof money.amount !== 'number') {
      throw invalid('MISSING_REQUIRED_PARAMETER', 'Missing required parameter.', field);
    }
    if (!Number.isSafeInteger(money.amount) || money.amount < 1) {
      throw invalid(
        'INVALID_VALUE',
        'The amount must be a positive integer in the smallest unit.',
        `${field}.amount`,
      );
    }
    if (money.currency !== this.currency) {
      throw invalid(
        'INVALID_CURRENCY',
        `This location takes ${this.currency}, not ${money.currency}.`,
        `${field}.currency`,
      );
    }
    return { amount: money.amount, currency: money.currency };
  }

  protected find<T>(map: Map<string, T>, what: string, id: string): T {
    const found = map.get(id);
    if (!found) throw notFound(what, id);
    return found;
  }
}

/** A card as Square shows it: never its number. */
export function shown(card: Card): Body {
  const { number: _number, ...rest } = card;
  return rest;
}

export function snake(body: Body): Body {
  const { idempotency_key: _key, ...rest } = body;
  return rest;
}
