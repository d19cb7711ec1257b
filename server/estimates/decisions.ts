/**
 * What a customer decides about an estimate through a link: approve it with a signature, decline
 * it (saying why, if they like), or ask a question. A decision is made once, while the estimate
 * is pending and not expired, and is kept with the signature, the time, the client address and
 * the user agent; the business hears of every decision and question by email (the outbox).
 *
 * Which estimates a link reaches: a customer link, every estimate of its customer; an estimate
 * link, its own; an invoice link, none. Anything else is the same 404 as an unknown estimate.
 */
import { type Db, isPostgres, type Trx } from '../db/database.ts';
import { newId, now } from '../db/ids.ts';
import type { EstimateDecisionTable, EstimateQuestionTable, EstimateTable } from '../db/schema.ts';
import type { Client } from '../http/client-address.ts';
import { conflict, notFound } from '../http/errors.ts';
import { hourAgo, QUESTIONS_PER_HOUR, refuseOverHourlyLimit } from '../http/rate-limit.ts';
import type { PortalScope } from '../links/access.ts';
import { enqueueEstimateApproved } from './approval-email.ts';
import { enqueueEstimateNotice } from './emails.ts';
import { estimateExpired } from './estimates.ts';
import { readSignature, type SignatureInput } from './signatures.ts';

/** The estimate `id` if the link reaches it; held for the transaction when `lock` (PostgreSQL). */
export async function reachableEstimate(
  db: Db | Trx,
  scope: PortalScope,
  id: string,
  lock = false,
): Promise<EstimateTable> {
  const reaches =
    scope.link.kind === 'customer' ||
    (scope.link.kind === 'estimate' && scope.link.estimate_id === id);
  let query = db
    .selectFrom('estimates')
    .selectAll()
    .where('id', '=', id)
    .where('business_id', '=', scope.business.id)
    .where('customer_id', '=', scope.customer.id);
  if (lock && isPostgres(db)) query = query.forUpdate();
  const estimate = reaches ? await query.executeTakeFirst() : undefined;
  if (!estimate) throw notFound('estimate', 'id');
  return estimate;
}

/** A decision needs a pending estimate whose valid-until day has not passed (409 otherwise). */
function assertDecidable(estimate: EstimateTable) {
  if (estimate.status !== 'pending') {
    throw conflict(
      'estimate_already_decided',
      `Estimate ${estimate.number} was already ${estimate.status}.`,
      'id',
    );
  }
  if (estimateExpired(estimate)) {
    throw conflict(
      'estimate_expired',
      `Estimate ${estimate.number} was valid until ${estimate.valid_until}; ask for a new one.`,
      'id',
    );
  }
}

async function decide(
  trx: Trx,
  scope: PortalScope,
  id: string,
  client: Client,
  fields: Pick<
    EstimateDecisionTable,
    'decision' | 'signature_type' | 'signer_name' | 'signature_png' | 'reason'
  >,
) {
  const estimate = await reachableEstimate(trx, scope, id, true);
  assertDecidable(estimate);
  const at = now();
  const decision: EstimateDecisionTable = {
    estimate_id: estimate.id,
    business_id: estimate.business_id,
    ...fields,
    payment_link_id: scope.link.id,
    client_address: client.address,
    user_agent: client.userAgent?.slice(0, 512) ?? null,
    decided_at: at,
    invoice_id: null,
    invoiced_at: null,
  };
  await trx.insertInto('estimate_decisions').values(decision).execute();
  await trx
    .updateTable('estimates')
    .set({ status: fields.decision, updated_at: at })
    .where('id', '=', estimate.id)
    .execute();
  return { decision, estimate: { ...estimate, status: fields.decision, updated_at: at } };
}

/**
 * Approves with a signature (a drawn one is checked first: 422 before anything is written) and
 * tells the business. `depositDue` is what the customer is asked to pay now, 0 when nothing.
 */
export async function approveEstimate(
  trx: Trx,
  scope: PortalScope,
  id: string,
  input: SignatureInput,
  client: Client,
) {
  const signature = readSignature(input);
  const decided = await decide(trx, scope, id, client, {
    decision: 'approved',
    signature_type: signature.type,
    signer_name: signature.name,
    signature_png: signature.png,
    reason: null,
  });
  // Nothing can have been paid on a deposit before the approval that asks for it.
  const depositDue = Number(decided.estimate.deposit_amount);
  await enqueueEstimateNotice(trx, subjectOf(scope, decided.estimate), {
    kind: 'approved',
    signer: signature.name,
    drawn: signature.type === 'drawn',
    decidedAt: decided.decision.decided_at,
    depositDue,
  });
  await enqueueEstimateApproved(trx, subjectOf(scope, decided.estimate), {
    signer: signature.name,
    decidedAt: decided.decision.decided_at,
    depositDue,
  });
  return { ...decided, depositDue };
}

export async function declineEstimate(
  trx: Trx,
  scope: PortalScope,
  id: string,
  reason: string | null,
  client: Client,
) {
  const decided = await decide(trx, scope, id, client, {
    decision: 'declined',
    signature_type: null,
    signer_name: null,
    signature_png: null,
    reason: reason || null,
  });
  await enqueueEstimateNotice(trx, subjectOf(scope, decided.estimate), {
    kind: 'declined',
    reason: decided.decision.reason,
    decidedAt: decided.decision.decided_at,
  });
  return decided;
}

/**
 * Takes a question to the business by email. Allowed whatever the estimate's status (a customer
 * may ask about an expired estimate to get a new one); at most QUESTIONS_PER_HOUR an estimate.
 */
export async function askAboutEstimate(
  trx: Trx,
  scope: PortalScope,
  id: string,
  message: string,
  client: Client,
): Promise<EstimateQuestionTable> {
  const estimate = await reachableEstimate(trx, scope, id, true);
  const recent = await trx
    .selectFrom('estimate_questions')
    .select('created_at')
    .where('estimate_id', '=', estimate.id)
    .where('created_at', '>', hourAgo())
    .orderBy('created_at', 'asc')
    .execute();
  refuseOverHourlyLimit(recent, QUESTIONS_PER_HOUR);
  const email = await enqueueEstimateNotice(trx, subjectOf(scope, estimate), {
    kind: 'question',
    message,
  });
  const question: EstimateQuestionTable = {
    id: newId('qst'),
    business_id: estimate.business_id,
    estimate_id: estimate.id,
    payment_link_id: scope.link.id,
    message,
    client_address: client.address,
    user_agent: client.userAgent?.slice(0, 512) ?? null,
    email_id: email?.id ?? null,
    created_at: now(),
  };
  await trx.insertInto('estimate_questions').values(question).execute();
  return question;
}

function subjectOf(scope: PortalScope, estimate: EstimateTable) {
  return { business: scope.business, customer: scope.customer, estimate };
}

/** The decisions of several estimates, by estimate id. */
export async function decisionsByEstimate(db: Db | Trx, estimateIds: readonly string[]) {
  const byEstimate = new Map<string, EstimateDecisionTable>();
  if (estimateIds.length === 0) return byEstimate;
  const rows = await db
    .selectFrom('estimate_decisions')
    .selectAll()
    .where('estimate_id', 'in', [...estimateIds])
    .execute();
  for (const row of rows) byEstimate.set(row.estimate_id, row);
  return byEstimate;
}

export async function listEstimateQuestions(db: Db, estimateId: string) {
  return db
    .selectFrom('estimate_questions')
    .selectAll()
    .where('estimate_id', '=', estimateId)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

/** The decision as staff see it; the drawn image is served at `image_url` (Bearer key). */
export function staffDecisionView(decision: EstimateDecisionTable) {
  return {
    decision: decision.decision,
    decided_at: decision.decided_at,
    signature: decision.signature_type
      ? {
          type: decision.signature_type,
          name: decision.signer_name,
          image_url:
            decision.signature_type === 'drawn'
              ? `/v1/estimates/${decision.estimate_id}/signature.png`
              : null,
        }
      : null,
    reason: decision.reason,
    client_address: decision.client_address,
    user_agent: decision.user_agent,
    payment_link: decision.payment_link_id,
  };
}

/** What the customer is told back: the decision, and the deposit to pay now, if any. */
export function portalDecisionView(
  decision: EstimateDecisionTable,
  estimate: EstimateTable,
  depositDue: number,
) {
  return {
    object: 'estimate_decision' as const,
    estimate: estimate.id,
    status: decision.decision,
    decided_at: decision.decided_at,
    signature: decision.signature_type
      ? { type: decision.signature_type, name: decision.signer_name }
      : null,
    reason: decision.reason,
    deposit_required: depositDue > 0 ? { amount: depositDue, currency: estimate.currency } : null,
  };
}
