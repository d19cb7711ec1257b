/**
 * Estimates: data access. An estimate is an offer with lines, a valid-until date and perhaps a
 * deposit; it touches no ledger until a payment of its deposit is made (elsewhere).
 */

import { applyBasisPoints } from '../../shared/money.ts';
import { getCustomer } from '../businesses/customers.ts';
import type { Db, Trx } from '../db/database.ts';
import { newId, now, today } from '../db/ids.ts';
import { keysetPage, type Page } from '../db/pagination.ts';
import type { CustomerTable, EstimateStatus, EstimateTable } from '../db/schema.ts';
import { notFound, unprocessable } from '../http/errors.ts';
import { insertLines, type LineInput, priceLines, takeDocumentNumber } from '../invoices/lines.ts';
import { lockCustomer } from '../ledger/entries.ts';

export interface NewEstimate {
  lines: LineInput[];
  valid_until: string;
  /** Whole percent of the total; give this or `deposit_amount`, not both. */
  deposit_percent?: number | undefined;
  deposit_amount?: number | undefined;
  terms?: string | null | undefined;
}

export async function createEstimate(trx: Trx, customer: CustomerTable, input: NewEstimate) {
  const { lines, totals } = priceLines(input.lines);
  const deposit = depositFor(totals.total, input);
  // Customer before business (the number): the lock order of server/invoices/invoices.ts.
  await lockCustomer(trx, customer.id);
  const { number, currency } = await takeDocumentNumber(trx, customer.business_id, 'estimate');
  const at = now();
  const estimate: EstimateTable = {
    id: newId('est'),
    business_id: customer.business_id,
    customer_id: customer.id,
    number,
    status: 'pending',
    currency,
    ...totals,
    valid_until: input.valid_until,
    deposit_percent: input.deposit_percent ?? null,
    deposit_amount: deposit,
    terms: input.terms ?? null,
    created_at: at,
    updated_at: at,
  };
  await trx.insertInto('estimates').values(estimate).execute();
  await insertLines(trx, 'estimate_lines', estimate.id, lines);
  return estimate;
}

/** The deposit in minor units: a percentage of the total (rounded half away from zero) or a sum. */
export function depositFor(
  total: number,
  deposit: Pick<NewEstimate, 'deposit_percent' | 'deposit_amount'>,
): number {
  if (deposit.deposit_percent !== undefined) {
    return applyBasisPoints(total, deposit.deposit_percent * 100);
  }
  const amount = deposit.deposit_amount ?? 0;
  if (amount > total) {
    throw unprocessable(
      'deposit_too_large',
      'deposit_amount is larger than the estimate total.',
      'deposit_amount',
    );
  }
  return amount;
}

/** The business's estimate, or a 404 that says nothing of other businesses' estimates. */
export async function getEstimate(db: Db | Trx, businessId: string, id: string, param = 'id') {
  const estimate = await db
    .selectFrom('estimates')
    .selectAll()
    .where('business_id', '=', businessId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!estimate) throw notFound('estimate', param);
  return estimate;
}

export interface EstimateFilter extends Page {
  customer?: string | undefined;
  status?: EstimateStatus | undefined;
}

/** Newest first; `limit + 1` rows so the caller can tell whether more follow. */
export async function listEstimates(db: Db, businessId: string, filter: EstimateFilter) {
  let query = db.selectFrom('estimates').selectAll().where('business_id', '=', businessId);
  if (filter.customer) {
    // Another business's customer is unknown here, as it is on every list.
    const customer = await getCustomer(db, businessId, filter.customer, 'customer');
    query = query.where('customer_id', '=', customer.id);
  }
  if (filter.status) query = query.where('status', '=', filter.status);
  return keysetPage(query, filter, {
    cursor: (id) => getEstimate(db, businessId, id, 'starting_after'),
  });
}

/**
 * Expired once its valid-until day is over (UTC calendar date): it can no longer be approved.
 * The business's own time zone is not stored, so UTC is the one clock every process agrees on.
 */
export function estimateExpired(estimate: Pick<EstimateTable, 'valid_until'>, on = today()) {
  return estimate.valid_until < on;
}
