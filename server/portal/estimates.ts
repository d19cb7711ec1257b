/**
 * The estimates a link shows, with their lines. A customer link: every pending estimate of its
 * customer, and every approved one whose deposit is still to pay and that is not yet an invoice
 * (so a customer who approved and left can come back and pay the deposit). An estimate link: its
 * one estimate, whatever its status. An invoice link: none.
 */
import type { Db } from '../db/database.ts';
import type { DocumentLineTable, EstimateDecisionTable, EstimateTable } from '../db/schema.ts';
import { decisionsByEstimate } from '../estimates/decisions.ts';
import { estimateExpired } from '../estimates/estimates.ts';
import { depositsPaid } from '../ledger/deposits-held.ts';
import type { PortalScope } from '../links/access.ts';

interface Facts {
  decision: EstimateDecisionTable | undefined;
  depositDue: number;
}

/**
 * What of the deposit the customer can still pay: the deposit less what deposit payments hold
 * (never below 0). Nothing once declined, or once the estimate became an invoice (the invoice is
 * paid instead, server/estimates/deposits.ts refuses the deposit then).
 */
function depositDue(
  estimate: EstimateTable,
  decision: EstimateDecisionTable | undefined,
  paid: number,
) {
  if (estimate.status === 'declined' || decision?.invoice_id) return 0;
  return Math.max(0, Number(estimate.deposit_amount) - paid);
}

async function factsOf(db: Db, estimates: readonly EstimateTable[]) {
  const ids = estimates.map((estimate) => estimate.id);
  const [decisions, paid] = await Promise.all([
    decisionsByEstimate(db, ids),
    depositsPaid(db, ids),
  ]);
  const facts = new Map<string, Facts>();
  for (const estimate of estimates) {
    const decision = decisions.get(estimate.id);
    facts.set(estimate.id, {
      decision,
      depositDue: depositDue(estimate, decision, paid.get(estimate.id) ?? 0),
    });
  }
  return facts;
}

async function estimatesOf(db: Db, scope: PortalScope): Promise<EstimateTable[]> {
  if (scope.link.kind === 'estimate') return scope.estimate ? [scope.estimate] : [];
  if (scope.link.kind === 'invoice') return [];
  return db
    .selectFrom('estimates')
    .selectAll()
    .where('customer_id', '=', scope.customer.id)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'pending'),
        // Approved with a deposit: whether any of it is still due is decided below.
        eb.and([eb('status', '=', 'approved'), eb('deposit_amount', '>', 0)]),
      ]),
    )
    .orderBy('created_at', 'asc')
    .orderBy('number', 'asc')
    .execute();
}

export async function portalEstimates(db: Db, scope: PortalScope) {
  const found = await estimatesOf(db, scope);
  const facts = await factsOf(db, found);
  const estimates =
    scope.link.kind === 'customer'
      ? found.filter(
          (estimate) => estimate.status === 'pending' || facts.get(estimate.id)!.depositDue > 0,
        )
      : found;
  const lines =
    estimates.length === 0
      ? []
      : await db
          .selectFrom('estimate_lines')
          .selectAll()
          .where(
            'document_id',
            'in',
            estimates.map((estimate) => estimate.id),
          )
          .orderBy('position', 'asc')
          .execute();
  return estimates.map((estimate) =>
    estimateView(
      estimate,
      lines.filter((line) => line.document_id === estimate.id),
      facts.get(estimate.id)!,
      scope.token,
    ),
  );
}

function estimateView(
  estimate: EstimateTable,
  lines: DocumentLineTable[],
  facts: Facts,
  token: string,
) {
  const { decision } = facts;
  return {
    id: estimate.id,
    number: estimate.number,
    date: estimate.created_at.slice(0, 10),
    valid_until: estimate.valid_until,
    status: estimate.status,
    expired: estimateExpired(estimate),
    subtotal: estimate.subtotal,
    tax: estimate.tax,
    total: estimate.total,
    deposit_amount: estimate.deposit_amount,
    deposit_due: facts.depositDue,
    terms: estimate.terms,
    // The customer's own decision; the signature itself stays with staff (and in the PDF).
    decision: decision ? { status: decision.decision, decided_at: decision.decided_at } : null,
    pdf_url: `/v1/portal/${token}/estimates/${estimate.id}.pdf`,
    lines: lines.map((line) => ({
      description: line.description,
      quantity: line.quantity,
      unit_amount: line.unit_amount,
      tax_rate: line.tax_rate,
      amount: line.amount,
      tax: line.tax,
    })),
  };
}
