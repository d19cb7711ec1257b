/** The estimates a link shows, with their lines: a customer link's pending ones, or its one. */
import type { Db } from '../db/database.ts';
import type { DocumentLineTable, EstimateTable } from '../db/schema.ts';
import { estimateExpired } from '../estimates.ts';
import type { PortalScope } from './access.ts';

async function estimatesOf(db: Db, scope: PortalScope): Promise<EstimateTable[]> {
  if (scope.link.kind === 'estimate') return scope.estimate ? [scope.estimate] : [];
  if (scope.link.kind === 'invoice') return [];
  return db
    .selectFrom('estimates')
    .selectAll()
    .where('customer_id', '=', scope.customer.id)
    .where('status', '=', 'pending')
    .orderBy('created_at', 'asc')
    .orderBy('number', 'asc')
    .execute();
}

export async function portalEstimates(db: Db, scope: PortalScope) {
  const estimates = await estimatesOf(db, scope);
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
    ),
  );
}

function estimateView(estimate: EstimateTable, lines: DocumentLineTable[]) {
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
    terms: estimate.terms,
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
