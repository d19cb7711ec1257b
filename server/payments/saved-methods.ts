/**
 * Cards customers chose to save ("Save card for future payments", unchecked by default): kept
 * after a successful payment that asked for it, shown as "Visa •••• 4242", removable by the
 * customer. The card itself stays with the provider; we keep its id, brand, last four and expiry.
 */

import type { Db, Trx } from '../db/database.ts';
import { newId, now } from '../db/ids.ts';
import { notFound } from '../http/errors.ts';
import type { PortalScope } from '../links/access.ts';
import type { Payment } from './payments.ts';
import type { PaymentMethodDetails, PaymentProvider } from './provider.ts';

export async function saveCardAfterPayment(
  trx: Trx,
  payment: Payment,
  details: PaymentMethodDetails,
): Promise<void> {
  if (!details.paymentMethodId) return;
  await trx
    .insertInto('payment_methods')
    .values({
      id: newId('pm'),
      business_id: payment.business_id,
      customer_id: payment.customer_id,
      provider: payment.provider,
      provider_payment_method_id: details.paymentMethodId,
      brand: details.brand,
      last4: details.last4,
      exp_month: details.expMonth ?? null,
      exp_year: details.expYear ?? null,
      created_at: now(),
      removed_at: null,
    })
    .onConflict((oc) => oc.columns(['customer_id', 'provider_payment_method_id']).doNothing())
    .execute();
}

/** The customer's saved cards with this provider, newest first (the portal lists them). */
export async function listSavedPaymentMethods(
  db: Db | Trx,
  customerId: string,
  provider: 'sandbox' | 'stripe' | 'square',
) {
  const rows = await db
    .selectFrom('payment_methods')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('provider', '=', provider)
    .where('removed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(savedMethodView);
}

/** Every card the customer has saved and not removed, with any provider, newest first (staff). */
export async function listCustomerSavedMethods(db: Db | Trx, customerId: string) {
  return db
    .selectFrom('payment_methods')
    .selectAll()
    .where('customer_id', '=', customerId)
    .where('removed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export function savedMethodView(row: {
  id: string;
  brand: string | null;
  last4: string | null;
  exp_month: number | null;
  exp_year: number | null;
}) {
  return {
    id: row.id,
    brand: row.brand,
    last4: row.last4,
    exp_month: row.exp_month,
    exp_year: row.exp_year,
  };
}

/**
 * Saved cards are the customer's, not a document's: only a customer link reaches them. An invoice
 * or estimate link asking for one gets the answer an unknown card gets.
 */
export function reachesSavedCards(scope: Pick<PortalScope, 'link'>): boolean {
  return scope.link.kind === 'customer';
}

/** A saved card of this customer that is still there, or a 404. */
export async function getSavedPaymentMethod(
  db: Db | Trx,
  scope: Pick<PortalScope, 'link' | 'customer'>,
  id: string,
  param = 'id',
) {
  const row = reachesSavedCards(scope)
    ? await db
        .selectFrom('payment_methods')
        .selectAll()
        .where('customer_id', '=', scope.customer.id)
        .where('id', '=', id)
        .where('removed_at', 'is', null)
        .executeTakeFirst()
    : undefined;
  if (!row) throw notFound('saved payment method', param);
  return row;
}

/** Forgets the card here and at the provider. */
export async function removeSavedPaymentMethod(
  db: Db,
  provider: PaymentProvider,
  scope: Pick<PortalScope, 'link' | 'customer'>,
  id: string,
) {
  return forgetSavedPaymentMethod(db, provider, await getSavedPaymentMethod(db, scope, id));
}

/**
 * Forgets a card found by its owner's side (the customer's link, or staff through the customer):
 * detached at the provider that holds it, when that is the provider this server uses (a card of
 * the other one cannot be reached and is only forgotten here), then never offered again.
 */
export async function forgetSavedPaymentMethod(
  db: Db,
  provider: PaymentProvider,
  row: { id: string; provider: string; provider_payment_method_id: string },
) {
  if (row.provider === provider.name) {
    await provider.detachSavedMethod(row.provider_payment_method_id);
  }
  await db
    .updateTable('payment_methods')
    .set({ removed_at: now() })
    .where('id', '=', row.id)
    .execute();
  return row;
}
