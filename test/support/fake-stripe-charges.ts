/** Stripe's Charge and Refund objects as the stand-in answers with them. */
import type Stripe from 'stripe';
import { fakeId, unixNow } from './fake-stripe-objects.ts';

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
