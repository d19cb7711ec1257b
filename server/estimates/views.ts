/** Estimates as the staff API shows them: lines, the decision and the deposits paid. */
import type { Db, Trx } from '../db/database.ts';
import type { DocumentLineTable, EstimateDecisionTable, EstimateTable } from '../db/schema.ts';
import { linesByDocument, lineView } from '../invoices/lines.ts';
import { depositsPaid } from '../ledger/deposits-held.ts';
import { decisionsByEstimate, staffDecisionView } from './decisions.ts';
import { estimateExpired } from './estimates.ts';

/** Estimates as the API shows them: lines, decisions and deposits loaded in three queries. */
export async function estimateViews(db: Db | Trx, estimates: readonly EstimateTable[]) {
  const ids = estimates.map((estimate) => estimate.id);
  const [lines, decisions, deposits] = await Promise.all([
    linesByDocument(db, 'estimate_lines', ids),
    decisionsByEstimate(db, ids),
    depositsPaid(db, ids),
  ]);
  return estimates.map((estimate) =>
    estimateView(
      estimate,
      lines.get(estimate.id) ?? [],
      decisions.get(estimate.id) ?? null,
      deposits.get(estimate.id) ?? 0,
    ),
  );
}

export function estimateView(
  estimate: EstimateTable,
  lines: DocumentLineTable[],
  decision: EstimateDecisionTable | null = null,
  depositPaid = 0,
) {
  return {
    id: estimate.id,
    object: 'estimate' as const,
    number: estimate.number,
    customer: estimate.customer_id,
    status: estimate.status,
    currency: estimate.currency,
    lines: lines.map(lineView),
    subtotal: estimate.subtotal,
    tax: estimate.tax,
    total: estimate.total,
    valid_until: estimate.valid_until,
    expired: estimateExpired(estimate),
    deposit_percent: estimate.deposit_percent,
    deposit_amount: estimate.deposit_amount,
    terms: estimate.terms,
    created: estimate.created_at,
    /** Deposits paid on it, less refunds (server/estimates/deposits.ts). */
    deposit_paid: depositPaid,
    decision: decision ? staffDecisionView(decision) : null,
    /** The invoice it became. */
    invoice: decision?.invoice_id ?? null,
  };
}
