/**
 * What the sandbox's test form accepts: Stripe's well-known test card numbers and test bank
 * accounts, each with the outcome Stripe gives it, and the checks a real card form makes (Luhn,
 * expiry, CVC, routing number) with Stripe's words for what is wrong. Anything else is refused
 * with a clear error and changes nothing.
 */
import { ApiError, unprocessable } from '../http/errors.ts';
import type { Funding, ProviderFailure } from './provider.ts';

export type SandboxOutcome =
  | { kind: 'succeed' }
  | { kind: 'fail'; failure: ProviderFailure }
  | { kind: 'three_d_secure' };

interface TestCard {
  brand: string;
  funding: Funding;
  outcome: SandboxOutcome;
}

const succeed = { kind: 'succeed' } as const;
const threeDSecure = { kind: 'three_d_secure' } as const;

export const FAILURES = {
  card_declined: { code: 'card_declined', message: 'Your card was declined. Try another card.' },
  insufficient_funds: {
    code: 'insufficient_funds',
    message: 'Your card has insufficient funds. Try another card.',
  },
  expired_card: { code: 'expired_card', message: 'Your card has expired. Try another card.' },
  incorrect_cvc: {
    code: 'incorrect_cvc',
    message: "Your card's security code is incorrect. Check it, or try another card.",
  },
  processing_error: {
    code: 'processing_error',
    message: 'An error occurred while processing your card. Try again in a little while.',
  },
  authentication_failed: {
    code: 'payment_intent_authentication_failure',
    message: "Your bank couldn't confirm this payment. Try again, or try another card.",
  },
  no_account: {
    code: 'no_account',
    message: "The bank couldn't find this account. Check the numbers, or use another account.",
  },
  account_closed: {
    code: 'account_closed',
    message: 'This bank account is closed. Use another account.',
  },
  bank_insufficient_funds: {
    code: 'insufficient_funds',
    message: 'This bank account has insufficient funds. Use another account or a card.',
  },
} satisfies Record<string, ProviderFailure>;

const fail = (failure: ProviderFailure) => ({ kind: 'fail' as const, failure });

/** Stripe's test cards (docs.stripe.com/testing), by number. */
export const TEST_CARDS: Record<string, TestCard> = {
  '4242424242424242': { brand: 'visa', funding: 'credit', outcome: succeed },
  '4000056655665556': { brand: 'visa', funding: 'debit', outcome: succeed },
  '5555555555554444': { brand: 'mastercard', funding: 'credit', outcome: succeed },
  '5200828282828210': { brand: 'mastercard', funding: 'debit', outcome: succeed },
  '5105105105105100': { brand: 'mastercard', funding: 'prepaid', outcome: succeed },
  '378282246310005': { brand: 'amex', funding: 'credit', outcome: succeed },
  '6011111111111117': { brand: 'discover', funding: 'credit', outcome: succeed },
  '4000000000000002': { brand: 'visa', funding: 'credit', outcome: fail(FAILURES.card_declined) },
  '4000000000009995': {
    brand: 'visa',
    funding: 'credit',
    outcome: fail(FAILURES.insufficient_funds),
  },
  '4000000000000069': { brand: 'visa', funding: 'credit', outcome: fail(FAILURES.expired_card) },
  '4000000000000127': { brand: 'visa', funding: 'credit', outcome: fail(FAILURES.incorrect_cvc) },
  '4000000000000119': {
    brand: 'visa',
    funding: 'credit',
    outcome: fail(FAILURES.processing_error),
  },
  '4000002500003155': { brand: 'visa', funding: 'credit', outcome: threeDSecure },
  '4000000000003220': { brand: 'visa', funding: 'credit', outcome: threeDSecure },
};

export const TEST_ROUTING_NUMBER = '110000000';

/** Stripe's test US bank accounts, by account number, with routing number 110000000. */
export const TEST_BANK_ACCOUNTS: Record<string, SandboxOutcome> = {
  '000123456789': succeed,
  '000111111116': fail(FAILURES.no_account),
  '000111111113': fail(FAILURES.account_closed),
  '000222222227': fail(FAILURES.bank_insufficient_funds),
};

export type SandboxInstrument =
  | {
      method: 'card';
      number: string;
      brand: string;
      funding: Funding;
      last4: string;
      expMonth: number;
      expYear: number;
      outcome: SandboxOutcome;
    }
  | { method: 'us_bank_account'; last4: string; outcome: SandboxOutcome };

export interface CardInput {
  card_number: string;
  exp_month: number;
  exp_year: number;
  cvc: string;
}

export interface BankInput {
  routing_number: string;
  account_number: string;
}

const param = (name: string) => `sandbox.${name}`;

/** Reads a card as a card form would, refusing what Stripe's form would refuse. */
export function readTestCard(
  input: CardInput,
  at = new Date(),
): Extract<SandboxInstrument, { method: 'card' }> {
  const number = input.card_number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(number) || !luhnValid(number)) {
    throw unprocessable('incorrect_number', 'Your card number is incorrect.', param('card_number'));
  }
  if (!Number.isInteger(input.exp_month) || input.exp_month < 1 || input.exp_month > 12) {
    throw unprocessable(
      'invalid_expiry_month',
      "Your card's expiration month is invalid.",
      param('exp_month'),
    );
  }
  const year = input.exp_year < 100 ? 2000 + input.exp_year : input.exp_year;
  if (!Number.isInteger(year) || year > at.getUTCFullYear() + 50) {
    throw unprocessable(
      'invalid_expiry_year',
      "Your card's expiration year is invalid.",
      param('exp_year'),
    );
  }
  const thisMonth = at.getUTCFullYear() * 12 + at.getUTCMonth();
  if (year * 12 + (input.exp_month - 1) < thisMonth) {
    throw unprocessable(
      'invalid_expiry_year',
      "Your card's expiration date is in the past.",
      param('exp_year'),
    );
  }
  const card = TEST_CARDS[number];
  const cvcLength = card?.brand === 'amex' ? 4 : 3;
  if (!new RegExp(`^\\d{${cvcLength}}$`).test(input.cvc)) {
    throw unprocessable('invalid_cvc', "Your card's security code is invalid.", param('cvc'));
  }
  if (!card) throw notATestCard('card_number');
  return {
    method: 'card',
    number,
    brand: card.brand,
    funding: card.funding,
    last4: number.slice(-4),
    expMonth: input.exp_month,
    expYear: year,
    outcome: card.outcome,
  };
}

export function readTestBankAccount(input: BankInput): SandboxInstrument {
  const routing = input.routing_number.replace(/\s/g, '');
  const account = input.account_number.replace(/\s/g, '');
  if (!/^\d{9}$/.test(routing) || !abaValid(routing)) {
    throw unprocessable(
      'invalid_routing_number',
      'The routing number is not valid.',
      param('routing_number'),
    );
  }
  if (!/^\d{4,17}$/.test(account)) {
    throw unprocessable(
      'invalid_account_number',
      'The account number must be 4 to 17 digits.',
      param('account_number'),
    );
  }
  const outcome = routing === TEST_ROUTING_NUMBER ? TEST_BANK_ACCOUNTS[account] : undefined;
  if (!outcome) {
    throw new ApiError(
      422,
      'invalid_request_error',
      'test_account_required',
      'Test mode takes test bank accounts only: routing 110000000 with account 000123456789.',
      param(routing === TEST_ROUTING_NUMBER ? 'account_number' : 'routing_number'),
    );
  }
  return { method: 'us_bank_account', last4: account.slice(-4), outcome };
}

function notATestCard(name: string): ApiError {
  return new ApiError(
    422,
    'invalid_request_error',
    'test_card_required',
    'Test mode takes test cards only, such as 4242 4242 4242 4242.',
    param(name),
  );
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** The ABA routing number checksum: 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 mod 10. */
export function abaValid(routing: string): boolean {
  const d = [...routing].map(Number);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  return sum % 10 === 0;
}
