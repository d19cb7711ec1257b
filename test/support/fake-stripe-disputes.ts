/**
 * Stripe's Dispute object as the stand-in answers with it, written after the dispute of Stripe's
 * published fixtures, field for field (evidence empty, as a dispute opens).
 */
import type Stripe from 'stripe';
import { fakeId, unixNow } from './fake-stripe-objects.ts';

/** A cardholder's dispute of a paid charge, as Stripe opens it (`warning_needs_response`…). */
export function dispute(of: Stripe.Charge, reason: string): Stripe.Dispute {
  const card = of.payment_method_details?.card;
  return {
    id: fakeId('dp'),
    object: 'dispute',
    amount: of.amount,
    balance_transactions: [],
    charge: of.id,
    created: unixNow(),
    currency: of.currency,
    enhanced_eligibility_types: [],
    evidence: {
      access_activity_log: null,
      billing_address: null,
      cancellation_policy: null,
      cancellation_policy_disclosure: null,
      cancellation_rebuttal: null,
      customer_communication: null,
      customer_email_address: null,
      customer_name: null,
      customer_purchase_ip: null,
      customer_signature: null,
      duplicate_charge_documentation: null,
      duplicate_charge_explanation: null,
      duplicate_charge_id: null,
      product_description: null,
      receipt: null,
      refund_policy: null,
      refund_policy_disclosure: null,
      refund_refusal_explanation: null,
      service_date: null,
      service_documentation: null,
      shipping_address: null,
      shipping_carrier: null,
      shipping_date: null,
      shipping_documentation: null,
      shipping_tracking_number: null,
      uncategorized_file: null,
      uncategorized_text: null,
      enhanced_evidence: {},
    },
    evidence_details: {
      due_by: unixNow() + 7 * 24 * 3600,
      enhanced_eligibility: {},
      has_evidence: false,
      past_due: false,
      submission_count: 0,
    },
    intended_submission_method: null,
    is_charge_refundable: false,
    livemode: false,
    metadata: {},
    payment_intent: typeof of.payment_intent === 'string' ? of.payment_intent : null,
    payment_method_details: card
      ? {
          card: {
            brand: card.brand,
            case_type: 'chargeback',
            network_reason_code: '10.4',
          },
          type: 'card',
        }
      : null,
    reason,
    status: 'needs_response',
  } as unknown as Stripe.Dispute;
}
