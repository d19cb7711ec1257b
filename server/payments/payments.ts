/** Payments: reading, locking and showing them. Creating is create.ts; recording is record.ts. */

import { sql } from 'kysely';
import type { QuoteInput, TipChoice } from '../../shared/quote.ts';
import { getCustomer } from '../businesses/customers.ts';
import { type Db, isPostgres, type Trx } from '../db/database.ts';
import { keysetPage, type Page } from '../db/pagination.ts';
import type { PaymentTable, RefundTable } from '../db/schema.ts';
import { notFound } from '../http/errors.ts';
import type { PortalScope } from '../links/access.ts';

export type Payment = PaymentTable;

/** What the customer asked this payment to pay, as kept in `payments.requested`. */
export interface RequestedPayment {
  invoices: { id: string; amount: number }[];
  balance_amount: number;
  tip: TipChoice;
  /** The total the customer was shown when the payment was made. */
  quoted_total: number;
  /** A deposit on an approved estimate (server/estimates/deposits.ts), paid on its own. */
  estimate_deposit?: { estimate: string; amount: number } | null;
}

export function requestedOf(payment: Pick<Payment, 'requested'>): RequestedPayment {
  return JSON.parse(payment.requested) as RequestedPayment;
}

/** The input of the payment's figures: a deposit counts as an amount paid to the account. */
export function figuresInputOf(payment: Pick<Payment, 'requested'>): QuoteInput {
  const input = quoteInputOf(payment);
  const deposit = requestedOf(payment).estimate_deposit;
  return deposit ? { ...input, balance_amount: input.balance_amount + deposit.amount } : input;
}

/** What the customer chose on the portal's invoices and balance (a deposit aside). */
export function quoteInputOf(payment: Pick<Payment, 'requested'>): QuoteInput {
  const requested = requestedOf(payment);
  return {
    invoices: requested.invoices,
    balance_amount: requested.balance_amount,
    tip: requested.tip ?? null,
  };
}

/** Reads a payment holding its row for the rest of the transaction (PostgreSQL `FOR UPDATE`). */
export async function lockPayment(
  trx: Trx,
  where: { id: string } | { providerPaymentId: string },
): Promise<Payment | undefined> {
  let query = trx.selectFrom('payments').selectAll();
  query =
    'id' in where
      ? query.where('id', '=', where.id)
      : query.where('provider_payment_id', '=', where.providerPaymentId);
  if (isPostgres(trx)) query = query.forUpdate();
  return query.executeTakeFirst();
}

/**
 * The payments a link reaches: a customer link, all of the customer's; an invoice link, those made
 * through it and those that paid its invoice. Newest first.
 */
export function paymentsInScope(db: Db | Trx, scope: PortalScope) {
  let query = db.selectFrom('payments').selectAll().where('customer_id', '=', scope.customer.id);
  if (scope.link.kind !== 'customer') {
    const invoiceId = scope.link.invoice_id;
    query = query.where((eb) =>
      eb.or([
        eb('payment_link_id', '=', scope.link.id),
        ...(invoiceId
          ? [
              eb(
                'id',
                'in',
                eb
                  .selectFrom('ledger_entries')
                  .select('payment_id')
                  .where('invoice_id', '=', invoiceId)
                  .where('kind', '=', 'payment')
                  .where('payment_id', 'is not', null)
                  .$narrowType<{ payment_id: string }>(),
              ),
            ]
          : []),
      ]),
    );
  }
  return query;
}

/**
 * A payment made on the customer's own link may also have paid other invoices, a tip and a fee. An
 * invoice link reaches that one document: it sees only what the payment put on its invoice, and
 * not the customer's receipt for the whole.
 */
export function madeElsewhere(scope: PortalScope, payment: Payment): boolean {
  return scope.link.kind !== 'customer' && payment.payment_link_id !== scope.link.id;
}

/** The payment as this link may see it (see madeElsewhere). */
export async function asSeenByLink(
  db: Db | Trx,
  scope: PortalScope,
  payment: Payment,
): Promise<Payment> {
  if (!madeElsewhere(scope, payment)) return payment;
  const row = await db
    .selectFrom('ledger_entries')
    .select(sql<number>`coalesce(sum(amount), 0)`.as('paid'))
    .where('payment_id', '=', payment.id)
    .where('kind', '=', 'payment')
    .where('invoice_id', '=', scope.link.invoice_id ?? '')
    .executeTakeFirstOrThrow();
  const applied = -Number(row.paid);
  return { ...payment, subtotal: applied, tip: 0, fee: 0, total: applied };
}

/** One payment the link reaches, or a 404. */
/**
 * The payments a link shows in its history, newest first: what the customer started and did not
 * leave unfinished (`requires_confirmation`, `canceled` are not history).
 */
export async function listLinkPayments(db: Db, scope: PortalScope, page: Page) {
  const query = paymentsInScope(db, scope).where('status', 'not in', [
    'requires_confirmation',
    'canceled',
  ]);
  return keysetPage(query, page, {
    cursor: (id) =>
      getLinkPayment(db, scope, id).catch(() => {
        throw notFound('payment', 'starting_after');
      }),
  });
}

export async function getLinkPayment(db: Db | Trx, scope: PortalScope, id: string) {
  const payment = await paymentsInScope(db, scope).where('id', '=', id).executeTakeFirst();
  if (!payment) throw notFound('payment', 'id');
  return payment;
}

export async function getBusinessPayment(db: Db | Trx, businessId: string, id: string) {
  const payment = await db
    .selectFrom('payments')
    .selectAll()
    .where('business_id', '=', businessId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!payment) throw notFound('payment', 'id');
  return payment;
}

export async function listBusinessPayments(
  db: Db,
  businessId: string,
  page: Page & {
    customer?: string | undefined;
    status?: Payment['status'] | undefined;
  },
) {
  let query = db.selectFrom('payments').selectAll().where('business_id', '=', businessId);
  if (page.customer) {
    // Another business's customer is unknown here, as it is on every list.
    const customer = await getCustomer(db, businessId, page.customer, 'customer');
    query = query.where('customer_id', '=', customer.id);
  }
  if (page.status) query = query.where('status', '=', page.status);
  return keysetPage(query, page, {
    cursor: (id) =>
      getBusinessPayment(db, businessId, id).catch(() => {
        throw notFound('payment', 'starting_after');
      }),
  });
}

/** What each invoice received from each payment, from the ledger (recorded payments only). */
export async function invoiceAllocations(db: Db | Trx, paymentIds: readonly string[]) {
  const allocations = new Map<string, { invoice: string; amount: number }[]>();
  if (paymentIds.length === 0) return allocations;
  const rows = await db
    .selectFrom('ledger_entries')
    .select(['payment_id', 'invoice_id', 'amount'])
    .where('payment_id', 'in', [...paymentIds])
    .where('kind', '=', 'payment')
    .where('invoice_id', 'is not', null)
    .orderBy('seq', 'asc')
    .execute();
  for (const row of rows) {
    const list = allocations.get(row.payment_id!) ?? [];
    list.push({ invoice: row.invoice_id!, amount: -Number(row.amount) });
    allocations.set(row.payment_id!, list);
  }
  return allocations;
}

export async function refundsOf(db: Db | Trx, paymentIds: readonly string[]) {
  const refunds = new Map<string, RefundTable[]>();
  if (paymentIds.length === 0) return refunds;
  const rows = await db
    .selectFrom('refunds')
    .selectAll()
    .where('payment_id', 'in', [...paymentIds])
    .orderBy('created_at', 'asc')
    .execute();
  for (const row of rows)
    refunds.set(row.payment_id, [...(refunds.get(row.payment_id) ?? []), row]);
  return refunds;
}

/** What has been given back (or is on its way back) of a payment. */
export function amountRefunded(refunds: readonly RefundTable[]): number {
  return refunds
    .filter((refund) => refund.status !== 'failed')
    .reduce((sum, refund) => sum + Number(refund.amount), 0);
}

export function refundView(refund: RefundTable, currency: string) {
  return {
    id: refund.id,
    object: 'refund' as const,
    payment: refund.payment_id,
    amount: Number(refund.amount),
    currency,
    status: refund.status,
    failure_message: refund.failure_message,
    created: refund.created_at,
  };
}

/** The fields both the portal and the staff API show. */
export function paymentFields(payment: Payment) {
  return {
    id: payment.id,
    object: 'payment' as const,
    status: payment.status,
    amount: Number(payment.total),
    subtotal: Number(payment.subtotal),
    tip: Number(payment.tip),
    fee: Number(payment.fee),
    currency: payment.currency,
    provider: payment.provider,
    method: payment.method,
    funding: payment.funding,
    card:
      payment.card_last4 !== null ? { brand: payment.card_brand, last4: payment.card_last4 } : null,
    receipt_number: payment.receipt_number,
    failure:
      payment.failure_code !== null
        ? { code: payment.failure_code, message: payment.failure_message ?? '' }
        : null,
    created: payment.created_at,
    succeeded_at: payment.succeeded_at,
  };
}
