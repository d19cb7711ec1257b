/**
 * Stripe's API objects as the fake Stripe server answers with them. Each builder is typed with the
 * `stripe` SDK's own definitions (generated from Stripe's OpenAPI description), so a field the
 * real API always sends cannot be missing here; and each was written after the canonical object
 * of Stripe's published fixtures (`openapi/fixtures3.json`, read by hand, never loaded: issue 10),
 * field for field, changing only what a real Stripe changes for the request (ids, amounts,
 * statuses, metadata, client secrets, the fields a status implies). Two deliberate differences:
 * a charge carries no `refunds` list (API versions since 2022-11-15 send it only when expanded),
 * and an intent names `allowed_payment_method_types`, as the pinned API version does.
 */
import { randomBytes } from 'node:crypto';
import type Stripe from 'stripe';

export function fakeId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

export function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}

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

export function paymentIntent(fields: {
  amount: number;
  currency: string;
  customer: string | null;
  description: string | null;
  metadata: Record<string, string>;
  allowed_payment_method_types: Stripe.PaymentIntent.AllowedPaymentMethodType[] | null;
  automatic: boolean;
  setup_future_usage: Stripe.PaymentIntent.SetupFutureUsage | null;
  payment_method: string | null;
  receipt_email: string | null;
}): Stripe.PaymentIntent {
  const id = fakeId('pi');
  return {
    id,
    object: 'payment_intent',
    allowed_payment_method_types: fields.allowed_payment_method_types,
    amount: fields.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: fields.automatic ? { enabled: true } : null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: 'automatic_async',
    client_secret: `${id}_secret_${randomBytes(12).toString('hex')}`,
    confirmation_method: 'automatic',
    created: unixNow(),
    currency: fields.currency,
    customer: fields.customer,
    customer_account: null,
    description: fields.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: null,
    metadata: fields.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: fields.payment_method,
    payment_method_configuration_details: null,
    payment_method_options: null,
    payment_method_types: fields.allowed_payment_method_types ?? ['card'],
    payment_record: null,
    processing: null,
    receipt_email: fields.receipt_email,
    review: null,
    setup_future_usage: fields.setup_future_usage,
    shipping: null,
    source: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: fields.payment_method ? 'requires_confirmation' : 'requires_payment_method',
    transfer_data: null,
    transfer_group: null,
  };
}

export function charge(
  intent: Stripe.PaymentIntent,
  method: Stripe.PaymentMethod,
  outcome: { paid: boolean; failureCode: string | null; failureMessage: string | null },
): Stripe.Charge {
  const card = method.card;
  const bank = method.us_bank_account;
  return {
    id: fakeId('ch'),
    object: 'charge',
    amount: intent.amount,
    amount_captured: outcome.paid ? intent.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: outcome.paid ? fakeId('txn') : null,
    billing_details: method.billing_details,
    calculated_statement_descriptor: 'PAY PORTAL',
    captured: outcome.paid,
    created: unixNow(),
    currency: intent.currency,
    customer: typeof intent.customer === 'string' ? intent.customer : null,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: outcome.failureCode,
    failure_message: outcome.failureMessage,
    fraud_details: {},
    livemode: false,
    metadata: intent.metadata,
    on_behalf_of: null,
    outcome: {
      advice_code: null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: outcome.paid ? 'approved_by_network' : 'declined_by_network',
      reason: outcome.failureCode,
      risk_level: 'normal',
      seller_message: outcome.paid
        ? 'Payment complete.'
        : 'The bank did not return any further details with this decline.',
      type: outcome.paid ? 'authorized' : 'issuer_declined',
    },
    paid: outcome.paid,
    payment_intent: intent.id,
    payment_method: method.id,
    payment_method_details: card
      ? {
          type: 'card',
          card: {
            amount_authorized: outcome.paid ? intent.amount : null,
            authorization_code: outcome.paid ? '123456' : null,
            brand: card.brand,
            checks: card.checks,
            country: card.country,
            electronic_commerce_indicator: null,
            exp_month: card.exp_month,
            exp_year: card.exp_year,
            extended_authorization: { status: 'disabled' },
            fingerprint: card.fingerprint ?? null,
            funding: card.funding,
            incremental_authorization: { status: 'unavailable' },
            installments: null,
            last4: card.last4,
            mandate: null,
            multicapture: { status: 'unavailable' },
            network: card.brand,
            network_token: { used: false },
            network_transaction_id: outcome.paid ? '1234567890' : null,
            overcapture: { maximum_amount_capturable: intent.amount, status: 'unavailable' },
            regulated_status: card.regulated_status,
            three_d_secure: null,
            transaction_link_id: null,
            wallet: null,
          },
        }
      : {
          type: 'us_bank_account',
          us_bank_account: {
            account_holder_type: bank?.account_holder_type ?? null,
            account_type: bank?.account_type ?? null,
            bank_name: bank?.bank_name ?? null,
            fingerprint: bank?.fingerprint ?? null,
            last4: bank?.last4 ?? null,
            payment_reference: null,
            routing_number: bank?.routing_number ?? null,
          },
        },
    receipt_email: intent.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: outcome.paid ? 'succeeded' : 'failed',
    transfer_data: null,
    transfer_group: null,
  };
}

export function refund(
  of: Stripe.Charge,
  amount: number,
  reason: string | null,
  metadata: Record<string, string>,
): Stripe.Refund {
  return {
    id: fakeId('re'),
    object: 'refund',
    amount,
    balance_transaction: fakeId('txn'),
    charge: of.id,
    created: unixNow(),
    currency: of.currency,
    customer: null,
    customer_account: null,
    destination_details: of.payment_method_details?.card
      ? { card: { type: 'refund' }, type: 'card' }
      : {
          type: 'us_bank_transfer',
          us_bank_transfer: { reference: null, reference_status: 'pending' },
        },
    metadata,
    payment_intent: typeof of.payment_intent === 'string' ? of.payment_intent : null,
    payment_method: of.payment_method,
    reason: reason as Stripe.Refund.Reason | null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: 'succeeded',
    transfer_reversal: null,
  };
}

export function customer(fields: {
  name: string | null;
  email: string | null;
  metadata: Record<string, string>;
}): Stripe.Customer {
  return {
    id: fakeId('cus'),
    object: 'customer',
    address: null,
    balance: 0,
    created: unixNow(),
    currency: null,
    default_source: null,
    delinquent: false,
    description: null,
    discount: null,
    email: fields.email,
    invoice_prefix: randomBytes(4).toString('hex').toUpperCase(),
    invoice_settings: {
      custom_fields: null,
      default_payment_method: null,
      footer: null,
      rendering_options: null,
    },
    livemode: false,
    metadata: fields.metadata,
    name: fields.name,
    next_invoice_sequence: 1,
    phone: null,
    preferred_locales: [],
    shipping: null,
    tax_exempt: 'none',
    test_clock: null,
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

/** An event as Stripe delivers it to a webhook endpoint. */
export function event(type: string, object: unknown, apiVersion: string): Stripe.Event {
  return {
    id: fakeId('evt'),
    object: 'event',
    api_version: apiVersion,
    context: undefined,
    created: unixNow(),
    data: { object: structuredClone(object) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: fakeId('req'), idempotency_key: null },
    type,
  } as unknown as Stripe.Event;
}
