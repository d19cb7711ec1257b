/**
 * Square's objects as the stand-in answers with them, written after Square's published API
 * reference (Payment, Card, Refund, Customer, the webhook event), in Square's own snake_case
 * JSON: only what a real Square changes per request differs (ids, amounts, statuses, times).
 * The test cards are Square's sandbox card numbers' idea, with the funding each one has.
 */
import { createHmac, randomBytes } from 'node:crypto';

export interface SquareTestCard {
  brand: 'VISA' | 'MASTERCARD' | 'AMERICAN_EXPRESS' | 'DISCOVER';
  cardType: 'CREDIT' | 'DEBIT';
  prepaid: boolean;
  /** A decline's code (Square's `PAYMENT_METHOD_ERROR` codes), or nothing: approved. */
  decline?: 'GENERIC_DECLINE' | 'INSUFFICIENT_FUNDS' | 'CVV_FAILURE';
  /**
   * Its issuer asks for Strong Customer Authentication (Square's "EU" sandbox cards, verification
   * code 123456): CreatePayment without a `verification_token` from `verifyBuyer` for this very
   * token or card is declined `CARD_DECLINED_VERIFICATION_REQUIRED`.
   */
  sca?: boolean;
}

export const SQUARE_TEST_CARDS: Record<string, SquareTestCard> = {
  '4111111111111111': { brand: 'VISA', cardType: 'CREDIT', prepaid: false },
  '4000056655665556': { brand: 'VISA', cardType: 'DEBIT', prepaid: false },
  '5105105105105100': { brand: 'MASTERCARD', cardType: 'DEBIT', prepaid: true },
  '5105105105105105': { brand: 'MASTERCARD', cardType: 'CREDIT', prepaid: false },
  '378282246310005': { brand: 'AMERICAN_EXPRESS', cardType: 'CREDIT', prepaid: false },
  '4310000000201019': { brand: 'VISA', cardType: 'CREDIT', prepaid: false, sca: true },
  '4000000000000002': {
    brand: 'VISA',
    cardType: 'CREDIT',
    prepaid: false,
    decline: 'GENERIC_DECLINE',
  },
  '4000000000009995': {
    brand: 'VISA',
    cardType: 'CREDIT',
    prepaid: false,
    decline: 'INSUFFICIENT_FUNDS',
  },
};

/** Square's documented sandbox payment tokens, for calls that skip the card form. */
export const SQUARE_TEST_NONCES: Record<string, string> = {
  'cnon:card-nonce-ok': '4111111111111111',
  'cnon:card-nonce-declined': '4000000000000002',
};

export function squareId(length = 22): string {
  return randomBytes(length).toString('base64url').replace(/[-_]/g, 'X').slice(0, length);
}

export interface SquareMoney {
  amount: number;
  currency: string;
}

export function squareCard(number: string, customerId: string | null) {
  const card = SQUARE_TEST_CARDS[number];
  if (!card) throw new Error(`not one of the stand-in's Square test cards: ${number}`);
  return {
    card_brand: card.brand,
    last_4: number.slice(-4),
    exp_month: 12,
    exp_year: 2034,
    fingerprint: `sq-1-${number.slice(-8)}`,
    card_type: card.cardType,
    prepaid_type: card.prepaid ? 'PREPAID' : 'NOT_PREPAID',
    bin: number.slice(0, 6),
    ...(customerId ? { customer_id: customerId } : {}),
  };
}

/** A sandbox bank account behind an ACH token: it transfers, or its transfer fails later. */
export interface SquareTestBank {
  bankName: string;
  suffix: string;
  fails: boolean;
}

export function squareBankPayment(fields: {
  amount: SquareMoney;
  bank: SquareTestBank;
  locationId: string;
  referenceId: string | null;
  customerId: string | null;
}) {
  const at = new Date().toISOString();
  return {
    id: squareId(29),
    created_at: at,
    updated_at: at,
    amount_money: fields.amount,
    total_money: fields.amount,
    approved_money: fields.amount,
    status: 'PENDING' as 'PENDING' | 'COMPLETED' | 'FAILED',
    source_type: 'BANK_ACCOUNT',
    bank_account_details: {
      bank_name: fields.bank.bankName,
      transfer_type: 'ACH',
      account_ownership_type: 'INDIVIDUAL',
      fingerprint: `sq-1-bank-${fields.bank.suffix}`,
      country: 'US',
      statement_description: 'SQ *BLUE LAGOON POOLS',
      ach_details: {
        routing_number: '011000015',
        account_number_suffix: fields.bank.suffix,
        account_type: 'CHECKING',
      },
    } as Record<string, unknown>,
    location_id: fields.locationId,
    order_id: squareId(29),
    ...(fields.referenceId ? { reference_id: fields.referenceId } : {}),
    ...(fields.customerId ? { customer_id: fields.customerId } : {}),
    refunded_money: { amount: 0, currency: fields.amount.currency },
    refund_ids: [] as string[],
    receipt_number: squareId(4),
    application_details: { square_product: 'ECOMMERCE_API', application_id: 'sandbox-sq0idb-test' },
    version_token: squareId(40),
  };
}

export function squarePayment(fields: {
  amount: SquareMoney;
  status: 'APPROVED' | 'COMPLETED' | 'FAILED' | 'CANCELED';
  card: ReturnType<typeof squareCard> & { id?: string };
  /** A wallet's token pays as its card, entered without contact (Apple Pay, Google Pay). */
  wallet?: boolean;
  locationId: string;
  referenceId: string | null;
  customerId: string | null;
  errors: { category: string; code: string; detail: string }[] | null;
}) {
  const at = new Date().toISOString();
  return {
    id: squareId(29),
    created_at: at,
    updated_at: at,
    amount_money: fields.amount,
    total_money: fields.amount,
    approved_money:
      fields.status === 'FAILED' ? { amount: 0, currency: fields.amount.currency } : fields.amount,
    status: fields.status as 'APPROVED' | 'COMPLETED' | 'FAILED' | 'CANCELED',
    delay_duration: 'PT168H',
    delay_action: 'CANCEL',
    source_type: 'CARD',
    card_details: {
      status:
        fields.status === 'FAILED'
          ? 'FAILED'
          : fields.status === 'APPROVED'
            ? 'AUTHORIZED'
            : 'CAPTURED',
      card: fields.card,
      entry_method: fields.card.id ? 'ON_FILE' : fields.wallet ? 'CONTACTLESS' : 'KEYED',
      cvv_status: 'CVV_ACCEPTED',
      avs_status: 'AVS_ACCEPTED',
      statement_description: 'SQ *BLUE LAGOON POOLS',
      ...(fields.errors ? { errors: fields.errors } : {}),
    },
    location_id: fields.locationId,
    order_id: squareId(29),
    ...(fields.referenceId ? { reference_id: fields.referenceId } : {}),
    ...(fields.customerId ? { customer_id: fields.customerId } : {}),
    refunded_money: { amount: 0, currency: fields.amount.currency },
    refund_ids: [] as string[],
    receipt_number: squareId(4),
    application_details: { square_product: 'ECOMMERCE_API', application_id: 'sandbox-sq0idb-test' },
    version_token: squareId(40),
  };
}

export type SquareCardPaymentObject = ReturnType<typeof squarePayment>;
export type SquareBankPaymentObject = ReturnType<typeof squareBankPayment>;
/** A payment at the stand-in: by card (a wallet's too) or by bank transfer. */
export type SquarePaymentObject = SquareCardPaymentObject | SquareBankPaymentObject;

export function squareRefund(
  payment: SquarePaymentObject,
  amount: SquareMoney,
  reason: string | null,
) {
  const at = new Date().toISOString();
  return {
    id: `${payment.id}_${squareId(29)}`,
    status: 'PENDING' as 'PENDING' | 'COMPLETED' | 'FAILED' | 'REJECTED',
    amount_money: amount,
    payment_id: payment.id,
    order_id: payment.order_id,
    location_id: payment.location_id,
    reason,
    created_at: at,
    updated_at: at,
  };
}

export type SquareRefundObject = ReturnType<typeof squareRefund>;

/** A webhook event body as Square sends it. */
export function squareEvent(
  type: string,
  kind: 'payment' | 'refund' | 'dispute',
  object: { id: string; [field: string]: unknown },
) {
  return {
    merchant_id: 'MLTEST0MERCHANT',
    type,
    event_id: crypto.randomUUID(),
    created_at: new Date().toISOString(),
    data: { type: kind, id: object.id, object: { [kind]: structuredClone(object) } },
  };
}

/** `x-square-hmacsha256-signature`: HMAC-SHA256 of the notification URL and the body, base64. */
export function squareSignature(body: string, notificationUrl: string, key: string): string {
  return createHmac('sha256', key)
    .update(notificationUrl + body)
    .digest('base64');
}
