/**
 * Square's Dispute objects as its dispute webhooks carry them (`data.object.dispute`), written
 * after Square's Disputes API reference: a cardholder disputes a COMPLETED card payment (the
 * disputed amount at most its total), and each change of state is a new `version`. The stand-in
 * makes them; tests deliver them in the order they choose.
 */
import type { SquarePaymentObject } from './fake-square-objects.ts';
import { squareId } from './fake-square-objects.ts';

export type SquareDisputeState =
  | 'INQUIRY_EVIDENCE_REQUIRED'
  | 'INQUIRY_PROCESSING'
  | 'INQUIRY_CLOSED'
  | 'EVIDENCE_REQUIRED'
  | 'PROCESSING'
  | 'WON'
  | 'LOST'
  | 'ACCEPTED';

export type SquareDisputeObject = {
  id: string;
  dispute_id: string;
  amount_money: { amount: number; currency: string };
  reason: string;
  state: SquareDisputeState;
  due_at: string;
  disputed_payment: { payment_id: string };
  card_brand: string;
  created_at: string;
  updated_at: string;
  brand_dispute_id: string;
  reported_at: string;
  version: number;
  location_id: string;
};

export function squareDispute(
  payment: SquarePaymentObject,
  reason: string,
  state: SquareDisputeState = 'EVIDENCE_REQUIRED',
  amount = payment.total_money.amount,
): SquareDisputeObject {
  if (payment.status !== 'COMPLETED' || !('card_details' in payment)) {
    throw new Error(`only a completed card payment is disputed, not ${payment.id}`);
  }
  if (amount > payment.total_money.amount) throw new Error('a dispute takes at most the total');
  const at = new Date().toISOString();
  const id = squareId(20);
  return {
    id,
    dispute_id: id,
    amount_money: { amount, currency: payment.total_money.currency },
    reason,
    state,
    due_at: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    disputed_payment: { payment_id: payment.id },
    card_brand: payment.card_details.card.card_brand,
    created_at: at,
    updated_at: at,
    brand_dispute_id: squareId(22),
    reported_at: at.slice(0, 10),
    version: 1,
    location_id: payment.location_id,
  };
}

/** The same dispute in its next state: Square's `version` goes up with each change. */
export function disputeMoved(
  dispute: SquareDisputeObject,
  state: SquareDisputeState,
): SquareDisputeObject {
  return { ...dispute, state, version: dispute.version + 1, updated_at: new Date().toISOString() };
}
