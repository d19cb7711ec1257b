/**
 * Square's dispute webhooks (`dispute.created`, `dispute.state.updated`; docs: Square's Disputes
 * API, "Disputes webhooks") in our terms, for the same path Stripe's disputes take
 * (../disputes.ts). The body's `data.object.dispute` has the dispute as it now is: its `state`,
 * `reason`, `amount_money`, `disputed_payment.payment_id` and `version`.
 *
 * Square's states and their money: an inquiry (`INQUIRY_EVIDENCE_REQUIRED`, `INQUIRY_PROCESSING`)
 * withdraws nothing, and `INQUIRY_CLOSED` ends it; a chargeback (`EVIDENCE_REQUIRED`,
 * `PROCESSING`) has its amount withheld from the seller, `LOST` and `ACCEPTED` keep it withheld
 * (closed), and `WON` gives it back (closed). One delivery may so be two of our events (closing,
 * then the money), each taken once by its own id (`<event_id>`, `<event_id>:closed`); the
 * dispute's `version` keeps a state that arrives after a later one from changing anything.
 */
import type { ProviderEvent, ProviderEventType } from '../provider.ts';

export interface SquareDisputeJson {
  id?: string;
  dispute_id?: string;
  state?: string;
  reason?: string;
  amount_money?: { amount?: number; currency?: string };
  disputed_payment?: { payment_id?: string };
  version?: number;
}

const WITHHELD = new Set(['EVIDENCE_REQUIRED', 'PROCESSING', 'LOST', 'ACCEPTED']);
const CLOSED = new Set(['WON', 'LOST', 'ACCEPTED', 'INQUIRY_CLOSED']);

export function squareDisputeEvents(
  eventId: string,
  type: string,
  dispute: SquareDisputeJson | undefined,
): ProviderEvent[] {
  const id = dispute?.id ?? dispute?.dispute_id;
  const paymentId = dispute?.disputed_payment?.payment_id;
  const state = dispute?.state;
  if (!id || !paymentId || !state) return [];
  const base = {
    provider: 'square' as const,
    providerPaymentId: paymentId,
    amount: Number(dispute.amount_money?.amount ?? 0),
    dispute: {
      id,
      reason: (dispute.reason ?? 'unknown').toLowerCase(),
      status: state.toLowerCase(),
      version: dispute.version ?? null,
    },
  };
  const money: ProviderEventType | null = WITHHELD.has(state)
    ? 'dispute.funds_withdrawn'
    : state === 'WON'
      ? 'dispute.funds_reinstated'
      : null;
  const opened: ProviderEventType =
    type === 'dispute.created' ? 'dispute.created' : 'dispute.updated';
  const events: ProviderEvent[] = [];
  // Closed first, so the business is told it closed while its status still says it was open.
  if (CLOSED.has(state)) {
    events.push({ ...base, id: money ? `${eventId}:closed` : eventId, type: 'dispute.closed' });
  }
  if (money) events.push({ ...base, id: eventId, type: money });
  if (events.length === 0) events.push({ ...base, id: eventId, type: opened });
  return events;
}
