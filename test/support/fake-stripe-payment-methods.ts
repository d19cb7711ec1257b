/** Stripe's test cards and the PaymentMethod and ConfirmationToken objects built from them. */
import type Stripe from 'stripe';
import { fakeId, unixNow } from './fake-stripe-objects.ts';

/** Stripe's test cards, with what paying with each one does. */
export interface TestCard {
  brand: string;
  funding: 'credit' | 'debit' | 'prepaid';
  outcome: 'succeeded' | 'declined' | 'insufficient_funds' | 'requires_action';
  /** Stripe's refund test cards: a refund stays `pending`, or succeeds and `fails` later. */
  refund?: 'pending' | 'fails';
}

export const TEST_CARDS: Record<string, TestCard> = {
  '4242424242424242': { brand: 'visa', funding: 'credit', outcome: 'succeeded' },
  '4000056655665556': { brand: 'visa', funding: 'debit', outcome: 'succeeded' },
  '5555555555554444': { brand: 'mastercard', funding: 'credit', outcome: 'succeeded' },
  '5200828282828210': { brand: 'mastercard', funding: 'debit', outcome: 'succeeded' },
  '5105105105105100': { brand: 'mastercard', funding: 'prepaid', outcome: 'succeeded' },
  '378282246310005': { brand: 'amex', funding: 'credit', outcome: 'succeeded' },
  '4000000000000002': { brand: 'visa', funding: 'credit', outcome: 'declined' },
  '4000000000009995': { brand: 'visa', funding: 'credit', outcome: 'insufficient_funds' },
  '4000002500003155': { brand: 'visa', funding: 'credit', outcome: 'requires_action' },
  '4000000000007726': { brand: 'visa', funding: 'credit', outcome: 'succeeded', refund: 'pending' },
  '4000000000005126': { brand: 'visa', funding: 'credit', outcome: 'succeeded', refund: 'fails' },
};

export function cardPaymentMethod(number: string, customer: string | null): Stripe.PaymentMethod {
  const card = TEST_CARDS[number];
  if (!card) throw new Error(`not one of Stripe's test cards: ${number}`);
  return {
    id: fakeId('pm'),
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: { address: null, email: null, name: null, phone: null, tax_id: null },
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: 'pass' },
      country: 'US',
      display_brand: card.brand,
      exp_month: 12,
      exp_year: 2034,
      fingerprint: number.slice(-8),
      funding: card.funding,
      generated_from: null,
      last4: number.slice(-4),
      networks: { available: [card.brand], preferred: null },
      regulated_status: 'unregulated',
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: unixNow(),
    customer,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: 'card',
  };
}

export function bankPaymentMethod(accountNumber: string): Stripe.PaymentMethod {
  return {
    id: fakeId('pm'),
    object: 'payment_method',
    allow_redisplay: 'unspecified',
    billing_details: { address: null, email: null, name: 'Jenny Rosen', phone: null, tax_id: null },
    us_bank_account: {
      account_holder_type: 'individual',
      account_type: 'checking',
      bank_name: 'STRIPE TEST BANK',
      financial_connections_account: null,
      fingerprint: accountNumber.slice(-8),
      last4: accountNumber.slice(-4),
      networks: { preferred: 'ach', supported: ['ach'] },
      routing_number: '110000000',
      status_details: null,
    },
    created: unixNow(),
    customer: null,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: 'us_bank_account',
  };
}

/** What Stripe.js hands the server before confirming: a preview of the payment method. */
export function confirmationToken(method: Stripe.PaymentMethod): Stripe.ConfirmationToken {
  return {
    id: fakeId('ctoken'),
    object: 'confirmation_token',
    created: unixNow(),
    expires_at: unixNow() + 12 * 3600,
    livemode: false,
    mandate_data: null,
    metadata: null,
    payment_intent: null,
    payment_method_options: method.card ? { card: { cvc_token: null } } : null,
    payment_method_preview: {
      allow_redisplay: 'unspecified',
      billing_details: method.billing_details,
      card: method.card,
      customer: null,
      customer_account: null,
      type: method.type,
    } as Stripe.ConfirmationToken.PaymentMethodPreview,
    return_url: null,
    setup_future_usage: null,
    setup_intent: null,
    shipping: null,
    use_stripe_sdk: true,
  };
}
