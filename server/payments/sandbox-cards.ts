/**
 * The sandbox's saved cards (`sandbox_payment_methods`), as a provider keeps a customer's saved
 * payment methods: saved when the customer asks, listed, paid with again, detached.
 */
import type { Db } from '../db/database.ts';
import { newId, now } from '../db/ids.ts';
import type { SavedMethod } from './provider.ts';
import { type SandboxInstrument, TEST_CARDS } from './sandbox-instruments.ts';

/** A saved card of the customer's, as a test-form instrument, to pay with again. */
export async function savedInstrument(
  db: Db,
  providerPaymentMethodId: string,
): Promise<SandboxInstrument | null> {
  const card = await db
    .selectFrom('sandbox_payment_methods')
    .selectAll()
    .where('id', '=', providerPaymentMethodId)
    .where('detached_at', 'is', null)
    .executeTakeFirst();
  const known = card ? TEST_CARDS[card.card_number] : undefined;
  if (!card || !known) return null;
  return {
    method: 'card',
    number: card.card_number,
    brand: card.brand,
    funding: card.funding,
    last4: card.last4,
    expMonth: card.exp_month,
    expYear: card.exp_year,
    outcome: known.outcome,
  };
}

export async function listSavedCards(db: Db, providerCustomerId: string): Promise<SavedMethod[]> {
  const cards = await db
    .selectFrom('sandbox_payment_methods')
    .selectAll()
    .where('customer_ref', '=', providerCustomerId)
    .where('detached_at', 'is', null)
    .execute();
  return cards.map((card) => ({
    providerPaymentMethodId: card.id,
    brand: card.brand,
    last4: card.last4,
    expMonth: card.exp_month,
    expYear: card.exp_year,
  }));
}

export async function detachSavedCard(db: Db, providerPaymentMethodId: string): Promise<void> {
  await db
    .updateTable('sandbox_payment_methods')
    .set({ detached_at: now() })
    .where('id', '=', providerPaymentMethodId)
    .execute();
}

/** Keeps a card the customer chose to save, as a provider's saved payment method. */
export async function saveCard(
  db: Db,
  customerRef: string,
  card: Extract<SandboxInstrument, { method: 'card' }>,
) {
  const id = newId('sbx');
  await db
    .insertInto('sandbox_payment_methods')
    .values({
      id,
      customer_ref: customerRef,
      card_number: card.number,
      brand: card.brand,
      last4: card.last4,
      funding: card.funding,
      exp_month: card.expMonth,
      exp_year: card.expYear,
      detached_at: null,
      created_at: now(),
    })
    .execute();
  return id;
}
