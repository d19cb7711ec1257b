/**
 * The Square provider: the official `square` SDK (Payments with idempotency keys, Customers and
 * Cards for saved cards, Refunds). Square has no payment before the card: the Web Payments SDK
 * tokenizes the card in the browser (`cnon:…`), and the server authorizes it (`autocomplete:
 * false`), reads the card's funding from `card_details.card.card_type`, settles the fee and
 * captures (`CompletePayment`) or voids (`CancelPayment`) — Square's delayed capture
 * (./confirm-authorize.ts runs it). Outcomes also arrive by webhook (`payment.updated`,
 * `refund.updated`: ./square-events.ts).
 */
import type { Square, SquareClient } from 'square';
import { conflict, unprocessable } from '../../http/errors.ts';
import type {
  Authorized,
  AuthorizeInput,
  CreatedPayment,
  CreatePaymentInput,
  PaymentMethodDetails,
  PaymentProvider,
  ProviderPaymentState,
  RefundInput,
  SaveCardInput,
  SavedMethod,
} from '../provider.ts';
import { asApiError, declined, guard, refundStatus } from './square-errors.ts';
import {
  money,
  squareDetails,
  squareFailure,
  squareFunding,
  squareStatus,
} from './square-payments.ts';
import { squareSdk } from './square-sdk.ts';

export interface SquareOptions {
  accessToken: string;
  locationId: string;
  environment: 'sandbox' | 'production';
  /** Another API address, for tests against a local stand-in: `http://127.0.0.1:12112`. */
  apiBase?: string | null;
}

export function createSquareClient(options: SquareOptions): SquareClient {
  const { SquareClient, SquareEnvironment } = squareSdk();
  return new SquareClient({
    token: options.accessToken,
    baseUrl:
      options.apiBase ??
      (options.environment === 'production'
        ? SquareEnvironment.Production
        : SquareEnvironment.Sandbox),
    // Our idempotency keys make a retry safe; the SDK's own retries would hide a lost answer.
    maxRetries: 0,
  });
}

export class SquareProvider implements PaymentProvider {
  readonly name = 'square' as const;
  // Cards (and Apple Pay / Google Pay, which pay as cards) and ACH bank transfers, which Square's
  // Web Payments SDK takes through Plaid for US businesses in USD (shared/quote.ts narrows it).
  static readonly methods = ['card', 'us_bank_account'] as const;
  readonly methods = SquareProvider.methods;

  constructor(
    readonly square: SquareClient,
    private readonly locationId: string,
  ) {}

  /** Nothing to make at Square yet (its payment is made with the card); a customer if needed. */
  async createPayment(input: CreatePaymentInput): Promise<CreatedPayment> {
    const needsCustomer = input.savePaymentMethod || input.savedPaymentMethodId !== null;
    let providerCustomerId = input.customer.providerCustomerId;
    if (needsCustomer && !providerCustomerId) {
      const made = await guard(() =>
        this.square.customers.create({
          idempotencyKey: `${input.idempotencyKey}:customer`,
          givenName: input.customer.name,
          ...(input.customer.email ? { emailAddress: input.customer.email } : {}),
          referenceId: input.customer.id,
        }),
      );
      providerCustomerId = made.customer?.id ?? null;
    }
    return {
      providerPaymentId: null,
      clientSecret: null,
      status: 'requires_confirmation',
      providerCustomerId: needsCustomer ? providerCustomerId : null,
    };
  }

  async authorize(input: AuthorizeInput): Promise<Authorized> {
    const sourceId = input.reference ?? (input.savedPaymentMethodId as string);
    // Square's bank tokens (`bnon:`, from `ach.tokenize()`) pay a bank-account payment only: its
    // fee is the bank method's, and a card's token would be priced as a bank transfer otherwise.
    const bank = sourceId.startsWith('bnon:');
    if (input.method && bank !== (input.method === 'us_bank_account')) {
      throw unprocessable(
        'source_mismatch',
        bank
          ? 'This payment is for a card: pay it with a card or wallet.'
          : 'This payment is for a bank account: pay it with a bank account.',
        'square.source_id',
      );
    }
    const request: Square.CreatePaymentRequest = {
      sourceId,
      idempotencyKey: input.idempotencyKey,
      amountMoney: money(input.amount, input.currency),
      // Square's ACH payments must complete on their own (PENDING, then COMPLETED or FAILED);
      // cards are authorized, settled for their funding, then captured or voided.
      autocomplete: bank,
      locationId: this.locationId,
      referenceId: input.paymentId,
      ...(input.verificationToken ? { verificationToken: input.verificationToken } : {}),
      ...(input.providerCustomerId ? { customerId: input.providerCustomerId } : {}),
    };
    try {
      const { payment } = await this.square.payments.create(request);
      if (!payment?.id) throw new Error('Square answered without a payment');
      return {
        providerPaymentId: payment.id,
        status:
          payment.status === 'FAILED'
            ? 'failed'
            : payment.status === 'PENDING' || payment.status === 'COMPLETED'
              ? 'pending'
              : 'approved',
        amount: Number(payment.amountMoney?.amount ?? 0),
        details: squareDetails(payment),
        failure: payment.status === 'FAILED' ? squareFailure(undefined, bank) : null,
      };
    } catch (error) {
      // A decline: Square answers with its errors and the FAILED payment it made.
      const failed = declined(error);
      if (failed) return failed;
      throw asApiError(error);
    }
  }

  async capture(providerPaymentId: string): Promise<void> {
    await guard(() => this.square.payments.complete({ paymentId: providerPaymentId }));
  }

  async cancelAttempt(idempotencyKey: string): Promise<void> {
    await guard(() => this.square.payments.cancelByIdempotencyKey({ idempotencyKey }));
  }

  async updateAmount(): Promise<number> {
    // Square's payment is made at confirmation for the settled total: there is none to change.
    throw conflict('not_supported', 'A Square payment is made with its final total.');
  }

  async retrieve(providerPaymentId: string): Promise<ProviderPaymentState> {
    const { payment } = await this.square.payments.get({ paymentId: providerPaymentId });
    if (!payment) throw new Error(`Square has no payment ${providerPaymentId}`);
    const status = squareStatus(payment);
    return {
      status,
      amount: Number(payment.totalMoney?.amount ?? payment.amountMoney?.amount ?? 0),
      details: squareDetails(payment),
      failure:
        status === 'failed'
          ? squareFailure(
              payment.cardDetails?.errors ?? payment.bankAccountDetails?.errors ?? undefined,
              !!payment.bankAccountDetails,
            )
          : null,
    };
  }

  async cancel(providerPaymentId: string): Promise<void> {
    const { payment } = await this.square.payments.get({ paymentId: providerPaymentId });
    if (payment?.status === 'CANCELED' || payment?.status === 'FAILED') return;
    if (payment?.status !== 'APPROVED') {
      throw conflict(
        'payment_not_cancelable',
        `This payment is ${payment ? squareStatus(payment) : 'unknown'} and can no longer be canceled.`,
      );
    }
    await guard(() => this.square.payments.cancel({ paymentId: providerPaymentId }));
  }

  async refund(input: RefundInput) {
    const { payment } = await this.square.payments.get({ paymentId: input.providerPaymentId });
    const currency = payment?.amountMoney?.currency ?? 'USD';
    const { refund } = await guard(() =>
      this.square.refunds.refundPayment({
        idempotencyKey: input.idempotencyKey,
        paymentId: input.providerPaymentId,
        amountMoney: { amount: BigInt(input.amount), currency },
        // Square keeps no metadata on a refund: its reason names ours, for its event and dashboard.
        reason: `Refund ${input.refundId}`,
      }),
    );
    if (!refund?.id) throw new Error('Square answered without a refund');
    return { providerRefundId: refund.id, status: refundStatus(refund.status ?? undefined) };
  }

  /**
   * The refund Square made for our `refundId`, after a RefundPayment whose answer was lost: the
   * payment's `refund_ids` are read one by one (GetPaymentRefund), and ours is the one whose
   * `reason` names it ("Refund re_…", as `refund` wrote it). Square would replay the same refund
   * for the same idempotency key too, but a lookup asks nothing new of Square. Null: none was made.
   */
  async findRefund(providerPaymentId: string, refundId: string) {
    const { payment } = await this.square.payments.get({ paymentId: providerPaymentId });
    for (const id of payment?.refundIds ?? []) {
      const { refund } = await this.square.refunds.get({ refundId: id });
      if (refund?.id && refund.reason === `Refund ${refundId}`) {
        return { providerRefundId: refund.id, status: refundStatus(refund.status ?? undefined) };
      }
    }
    return null;
  }

  async describePaymentMethod(reference: string): Promise<PaymentMethodDetails> {
    // A card on file (`ccof:…`): Square's Cards API tells its type before anything is charged.
    const { card } = await guard(() => this.square.cards.get({ cardId: reference }));
    return {
      method: 'card',
      funding: squareFunding(card),
      brand: card?.cardBrand ? card.cardBrand.toLowerCase() : null,
      last4: card?.last4 ?? null,
      expMonth: card?.expMonth ? Number(card.expMonth) : null,
      expYear: card?.expYear ? Number(card.expYear) : null,
      paymentMethodId: card?.id ?? reference,
    };
  }

  async saveCard(input: SaveCardInput): Promise<PaymentMethodDetails> {
    const { card } = await guard(() =>
      this.square.cards.create({
        idempotencyKey: input.idempotencyKey,
        // Square makes a card on file from the payment the card just made.
        sourceId: input.providerPaymentId,
        card: { customerId: input.providerCustomerId },
      }),
    );
    return {
      method: 'card',
      funding: squareFunding(card),
      brand: card?.cardBrand ? card.cardBrand.toLowerCase() : null,
      last4: card?.last4 ?? null,
      expMonth: card?.expMonth ? Number(card.expMonth) : null,
      expYear: card?.expYear ? Number(card.expYear) : null,
      paymentMethodId: card?.id ?? null,
    };
  }

  async listSavedMethods(providerCustomerId: string): Promise<SavedMethod[]> {
    const page = await this.square.cards.list({ customerId: providerCustomerId });
    const cards: SavedMethod[] = [];
    for await (const card of page) {
      if (!card.id || card.enabled === false) continue;
      cards.push({
        providerPaymentMethodId: card.id,
        brand: card.cardBrand ? card.cardBrand.toLowerCase() : null,
        last4: card.last4 ?? null,
        expMonth: card.expMonth ? Number(card.expMonth) : null,
        expYear: card.expYear ? Number(card.expYear) : null,
      });
    }
    return cards;
  }

  async detachSavedMethod(providerPaymentMethodId: string): Promise<void> {
    await guard(() => this.square.cards.disable({ cardId: providerPaymentMethodId }));
  }
}
