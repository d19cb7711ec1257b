/**
 * The Square stand-in's objects by id, its error shape, and what the Web Payments SDK and the
 * Cards API do: one-time card tokens, cards on file made from a payment (fake-square-api.ts has
 * the payments and refunds and the routes).
 */
import {
  SQUARE_TEST_CARDS,
  type SquareMoney,
  type SquarePaymentObject,
  type SquareRefundObject,
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
  /** One-time tokens the card form made, and the card number each stands for. */
  protected readonly nonces = new Map<string, { number: string; used: boolean }>();
  /** The test card behind each payment, and the key each was made with. */
  protected readonly paidWith = new Map<string, string>();
  protected readonly byKey = new Map<string, string>();

  /** The Web Payments SDK's `card.tokenize()`: a one-time token for a test card. */
  tokenize(number: string): string {
    if (!SQUARE_TEST_CARDS[number]) throw new Error(`not a Square test card: ${number}`);
    const token = `cnon:${squareId(24)}`;
    this.nonces.set(token, { number, used: false });
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
