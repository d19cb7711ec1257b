/**
 * What a Square Payment says, in our terms: its status, the card that paid (with its funding, from
 * `card_details.card.card_type` and `prepaid_type`), and why it failed. Square's statuses:
 * APPROVED (authorized, `autocomplete: false`), PENDING, COMPLETED, CANCELED, FAILED.
 */
import type { Square } from 'square';
import type { Funding, PaymentMethodDetails, PaymentStatus, ProviderFailure } from '../provider.ts';

export function squareStatus(payment: Square.Payment): PaymentStatus {
  switch (payment.status) {
    case 'COMPLETED':
      return 'succeeded';
    case 'FAILED':
      return 'failed';
    case 'CANCELED':
      return 'canceled';
    case 'PENDING':
      return 'processing';
    default:
      // APPROVED: authorized, not captured; our confirmation captures or voids it.
      return 'requires_confirmation';
  }
}

export function squareFunding(card: Square.Card | undefined): Funding {
  if (card?.prepaidType === 'PREPAID') return 'prepaid';
  if (card?.cardType === 'CREDIT') return 'credit';
  if (card?.cardType === 'DEBIT') return 'debit';
  return 'unknown';
}

export function squareDetails(payment: Square.Payment): PaymentMethodDetails | null {
  const bank = payment.bankAccountDetails;
  if (bank) {
    // An ACH transfer: the bank's name and the account's last digits, as the customer knows it.
    return {
      method: 'us_bank_account',
      funding: null,
      brand: bank.bankName ?? null,
      last4: bank.achDetails?.accountNumberSuffix ?? null,
    };
  }
  const card = payment.cardDetails?.card;
  if (!card) return null;
  return {
    method: 'card',
    funding: squareFunding(card),
    brand: brandOf(card.cardBrand),
    last4: card.last4 ?? null,
    expMonth: card.expMonth === undefined || card.expMonth === null ? null : Number(card.expMonth),
    expYear: card.expYear === undefined || card.expYear === null ? null : Number(card.expYear),
    // A card on file that paid (`ccof:…`) names itself; a new card has none until saved.
    paymentMethodId: card.id ?? null,
  };
}

/** Square's brands (`VISA`, `MASTERCARD`, `AMERICAN_EXPRESS`…) as the portal writes them. */
function brandOf(brand: string | undefined): string | null {
  if (!brand) return null;
  if (brand === 'AMERICAN_EXPRESS') return 'amex';
  return brand.toLowerCase().replace(/_/g, ' ');
}

/** The customer's words for Square's decline codes (Square's own `detail` is for developers). */
const WORDS: Record<string, string> = {
  GENERIC_DECLINE: 'Your card was declined. Try another card.',
  INSUFFICIENT_FUNDS: 'Your card has insufficient funds. Try another card.',
  CVV_FAILURE: "Your card's security code is incorrect. Check it, or try another card.",
  ADDRESS_VERIFICATION_FAILURE:
    "Your card's postal code is incorrect. Check it, or try another card.",
  INVALID_EXPIRATION: 'Your card has expired. Try another card.',
  CARD_EXPIRED: 'Your card has expired. Try another card.',
  CARD_DECLINED_VERIFICATION_REQUIRED:
    "Your bank asks you to verify this card, and it wasn't verified. Try again, or try another card.",
};

const BANK_FAILED = "Your bank didn't complete the transfer. Try another bank account or a card.";

export function squareFailure(
  errors: readonly { code?: string }[] | undefined,
  bank = false,
): ProviderFailure {
  const found = errors?.find((error) => error.code)?.code;
  if (bank) return { code: (found ?? 'BANK_TRANSFER_FAILED').toLowerCase(), message: BANK_FAILED };
  const code = found ?? 'GENERIC_DECLINE';
  return {
    code: code.toLowerCase(),
    message: WORDS[code] ?? 'Your card was declined. Try another card.',
  };
}

export function money(amount: number, currency: string): Square.Money {
  return { amount: BigInt(amount), currency: currency.toUpperCase() as Square.Currency };
}
