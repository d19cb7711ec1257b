/**
 * A cardholder's dispute of a payment (Stripe's `charge.dispute.*` events, issue 10; Square's
 * `dispute.created` and `dispute.state.updated`, issue 16). The dispute
 * is kept with its status, so staff see the payment disputed; its money reaches the ledger as
 * entries of its own: when the funds are withdrawn from the business the payment no longer pays
 * (an `adjustment` +amount: the customer owes it again), and when they are reinstated (the
 * business won) that is taken back (−amount). Each is posted once, whatever the number or order
 * of deliveries. The business is told by email when a dispute opens and when it closes.
 */
import { formatMoney } from '../../shared/money.ts';
import type { Trx } from '../db/database.ts';
import { now } from '../db/ids.ts';
import type { DisputeTable } from '../db/schema.ts';
import { loadReceipt } from '../documents/receipt-data.ts';
import { escapeHtml } from '../http/html.ts';
import { appendEntries } from '../ledger/entries.ts';
import { enqueueEmail } from '../outbox/outbox.ts';
import type { Payment } from './payments.ts';
import type { ProviderEvent } from './provider.ts';

export async function applyDisputeEvent(
  trx: Trx,
  payment: Payment,
  event: ProviderEvent,
): Promise<boolean> {
  const told = event.dispute;
  if (!told) return false;
  const at = now();
  let dispute = await trx
    .selectFrom('disputes')
    .selectAll()
    .where('provider_dispute_id', '=', told.id)
    .executeTakeFirst();
  const opened = !dispute;
  const version = told.version ?? null;
  // A state older than the one applied (Square numbers them) came late: it moves nothing.
  if (dispute && version !== null && dispute.provider_version !== null) {
    if (version < Number(dispute.provider_version)) return false;
  }
  if (!dispute) {
    dispute = {
      provider_dispute_id: told.id,
      business_id: payment.business_id,
      payment_id: payment.id,
      amount: event.amount,
      reason: told.reason,
      status: told.status,
      funds_withdrawn: 0,
      provider_version: version,
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('disputes').values(dispute).execute();
  }
  const money = (amount: number) => formatMoney(amount, payment.currency);
  const owner = { business_id: payment.business_id, customer_id: payment.customer_id };
  let withdrawn = Number(dispute.funds_withdrawn);
  let posted = false;
  if (event.type === 'dispute.funds_withdrawn' && withdrawn === 0) {
    await appendEntries(trx, owner, [
      {
        kind: 'adjustment',
        amount: Number(dispute.amount),
        payment_id: payment.id,
        description: `Payment ${payment.receipt_number ?? payment.id} disputed (${told.reason}): ${money(Number(dispute.amount))} withdrawn`,
      },
    ]);
    withdrawn = 1;
    posted = true;
  }
  if (event.type === 'dispute.funds_reinstated' && withdrawn === 1) {
    await appendEntries(trx, owner, [
      {
        kind: 'adjustment',
        amount: -Number(dispute.amount),
        payment_id: payment.id,
        description: `Dispute of payment ${payment.receipt_number ?? payment.id} won: ${money(Number(dispute.amount))} reinstated`,
      },
    ]);
    withdrawn = 0;
    posted = true;
  }
  const closedNow = event.type === 'dispute.closed' && !isClosed(dispute.status);
  const statusChanged = told.status !== dispute.status;
  await trx
    .updateTable('disputes')
    .set({
      status: told.status,
      funds_withdrawn: withdrawn,
      provider_version: version ?? dispute.provider_version,
      updated_at: at,
    })
    .where('provider_dispute_id', '=', told.id)
    .execute();
  if (opened || closedNow) await notify(trx, payment, { ...dispute, status: told.status }, opened);
  return opened || posted || statusChanged;
}

/** Stripe's closed statuses, and Square's (`accepted` by the seller, an inquiry closed). */
function isClosed(status: string): boolean {
  return ['won', 'lost', 'prevented', 'accepted', 'inquiry_closed'].includes(status);
}

async function notify(trx: Trx, payment: Payment, dispute: DisputeTable, opened: boolean) {
  const receipt = await loadReceipt(trx, payment.id);
  if (!receipt.business.notificationEmail) return;
  const amount = formatMoney(Number(dispute.amount), payment.currency, receipt.business.locale);
  const number = payment.receipt_number ?? payment.id;
  const subject = opened
    ? `${receipt.customer.name} disputed payment ${number} (${amount})`
    : `The dispute of payment ${number} is closed: ${dispute.status}`;
  const lines = opened
    ? [
        `${receipt.customer.name} disputed payment ${number} of ${amount} with their card issuer (reason: ${dispute.reason}).`,
        `Answer it in your ${payment.provider === 'square' ? 'Square' : 'Stripe'} Dashboard before the due date it shows; the funds are withdrawn from your balance until it is decided.`,
      ]
    : [`The dispute of payment ${number} (${amount}) is closed: ${dispute.status}.`];
  await enqueueEmail(trx, {
    business_id: payment.business_id,
    kind: 'dispute',
    to: receipt.business.notificationEmail,
    reply_to: receipt.customer.email,
    payment_id: payment.id,
    subject,
    text: lines.join('\n\n'),
    html: `<!doctype html><html lang="en"><body>${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</body></html>`,
  });
}

/** The payments' disputes, newest first per payment, for the staff view. */
export async function disputesOf(trx: Pick<Trx, 'selectFrom'>, paymentIds: readonly string[]) {
  const found = new Map<string, DisputeTable>();
  if (paymentIds.length === 0) return found;
  const rows = await trx
    .selectFrom('disputes')
    .selectAll()
    .where('payment_id', 'in', paymentIds)
    .orderBy('created_at', 'desc')
    .execute();
  for (const row of rows) if (!found.has(row.payment_id)) found.set(row.payment_id, row);
  return found;
}

export function disputeView(dispute: DisputeTable | undefined) {
  if (!dispute) return null;
  return {
    id: dispute.provider_dispute_id,
    status: dispute.status,
    reason: dispute.reason,
    amount: Number(dispute.amount),
    funds_withdrawn: Number(dispute.funds_withdrawn) === 1,
  };
}
