/** Stripe's PaymentIntent object as the stand-in answers with it. */
import { randomBytes } from 'node:crypto';
import type Stripe from 'stripe';
import { fakeId, unixNow } from './fake-stripe-objects.ts';

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
