/**
 * `POST /v1/portal/:token/payments/:id/confirm` for a provider that learns the card only by
 * authorizing it (Square): the browser sends the one-time token its card form made
 * (`{"square": {"source_id": "cnon:…"}}`, or nothing for the saved card the payment was made
 * with). The payment is claimed (two tabs charge once), then authorized at the total the customer
 * accepted (`autocomplete: false`, key `<pay_id>:confirm:<n>`, new for each attempt); the card's
 * funding, now known, settles the fee. The same total: captured. Another total: the authorization
 * is voided, nothing is charged, and the answer is 409 `fee_changed` with the new figures, for the
 * customer to accept and confirm again. A decline is the payment `failed`, in the customer's words.
 * What the provider then says reaches our books through reconcilePayment, the one event path.
 */
import type { Db } from '../db/database.ts';
import { now } from '../db/ids.ts';
import { ApiError, conflict } from '../http/errors.ts';
import type { PortalScope } from '../links/access.ts';
import { countProviderChange } from './amounts.ts';
import {
  cancelIfNotPayable,
  claim,
  type Instrument,
  putBack,
  settleTotal,
} from './confirm-claim.ts';
import { getLinkPayment, lockPayment, type Payment, requestedOf } from './payments.ts';
import type { PaymentProvider } from './provider.ts';
import { reconcilePayment } from './reconcile.ts';
import { saveCardAfterPayment } from './saved-methods.ts';

export interface AuthorizeConfirmation {
  /** The provider's one-time card token; absent to pay with the saved card chosen. */
  source_id?: string | undefined;
  /** What the buyer's verification (3-D Secure / SCA) made for the token, passed on with it. */
  verification_token?: string | undefined;
  accept_total?: number | undefined;
}

/** A bank payment's fee is known before the bank is: its total is settled at the claim. */
const BANK: Instrument = { method: 'us_bank_account', last4: null };

export async function confirmByAuthorizing(
  db: Db,
  provider: PaymentProvider,
  scope: PortalScope,
  paymentId: string,
  body: AuthorizeConfirmation,
): Promise<Payment> {
  const payment = await getLinkPayment(db, scope, paymentId);
  if (!provider.authorize || !provider.capture || payment.provider !== provider.name) {
    throw conflict(
      'confirm_not_supported',
      `This payment is not confirmed through ${provider.name}.`,
    );
  }
  const saved = await savedCardOf(db, payment);
  if (!body.source_id && !saved) {
    throw new ApiError(
      422,
      'invalid_request_error',
      'parameter_missing',
      'source_id is required: the token the card form made.',
      `${provider.name}.source_id`,
    );
  }
  const bank = payment.method === 'us_bank_account';
  const claimed = await claim(
    db,
    payment.id,
    ['requires_confirmation', 'failed'],
    async (trx, current) => {
      // A bank transfer is never authorized then captured (Square's ACH completes on its own):
      // its figures are final before it is asked for.
      if (bank) return settleTotal(trx, scope, current, BANK, body.accept_total);
      const gone = await cancelIfNotPayable(trx, scope, current);
      return gone ? { refuse: gone } : null;
    },
  );
  const amount = claimed?.total ?? body.accept_total ?? requestedOf(payment).quoted_total;
  const key = `${payment.id}:confirm:${await countProviderChange(db, payment.id)}`;
  const customer = await providerCustomerOf(db, payment, provider.name);
  let authorized: Awaited<ReturnType<NonNullable<PaymentProvider['authorize']>>>;
  try {
    authorized = await provider.authorize({
      paymentId: payment.id,
      reference: body.source_id ?? null,
      verificationToken: body.verification_token ?? null,
      method: payment.method,
      savedPaymentMethodId: body.source_id ? null : saved,
      providerCustomerId: customer,
      amount,
      currency: payment.currency,
      idempotencyKey: key,
    });
  } catch (error) {
    // Refused or unanswered: an authorization made meanwhile is voided by its key (Square's
    // CancelPaymentByIdempotencyKey), and the customer may try again.
    if (!(error instanceof ApiError)) await provider.cancelAttempt?.(key).catch(() => null);
    await putBack(db, payment.id);
    throw error;
  }
  await db
    .updateTable('payments')
    .set({ provider_payment_id: authorized.providerPaymentId, updated_at: now() })
    .where('id', '=', payment.id)
    .execute();
  if (authorized.status === 'approved') {
    await settleAndCapture(db, provider, scope, payment.id, authorized, key);
  }
  const current = await db
    .selectFrom('payments')
    .selectAll()
    .where('id', '=', payment.id)
    .executeTakeFirstOrThrow();
  await reconcilePayment(db, provider, current);
  return getLinkPayment(db, scope, payment.id);
}

/** The fee for the card authorized; the total accepted is captured, another one voided. */
async function settleAndCapture(
  db: Db,
  provider: PaymentProvider,
  scope: PortalScope,
  paymentId: string,
  authorized: Awaited<ReturnType<NonNullable<PaymentProvider['authorize']>>>,
  key: string,
): Promise<void> {
  const details = authorized.details;
  const instrument: Instrument = {
    method: 'card',
    funding: details?.funding ?? 'unknown',
    brand: details?.brand ?? null,
    last4: details?.last4 ?? null,
  };
  const settled = await db.transaction().execute(async (trx) => {
    const current = (await lockPayment(trx, { id: paymentId }))!;
    return settleTotal(trx, scope, current, instrument, authorized.amount);
  });
  if ('refuse' in settled) {
    await provider.cancel(authorized.providerPaymentId, `${key}:void`);
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('payments')
        .set({ provider_payment_id: null, updated_at: now() })
        .where('id', '=', paymentId)
        .execute();
      await putBack(trx, paymentId);
    });
    throw settled.refuse;
  }
  await provider.capture!(authorized.providerPaymentId);
  const payment = await db
    .selectFrom('payments')
    .selectAll()
    .where('id', '=', paymentId)
    .executeTakeFirstOrThrow();
  const customer = await providerCustomerOf(db, payment, provider.name);
  if (payment.save_payment_method === 1 && customer && provider.saveCard) {
    const card = await provider
      .saveCard({
        providerPaymentId: authorized.providerPaymentId,
        providerCustomerId: customer,
        idempotencyKey: `${paymentId}:save_card`,
      })
      .catch(() => null);
    if (card) await db.transaction().execute((trx) => saveCardAfterPayment(trx, payment, card));
  }
}

async function savedCardOf(db: Db, payment: Payment): Promise<string | null> {
  if (!payment.saved_payment_method_id) return null;
  const row = await db
    .selectFrom('payment_methods')
    .select('provider_payment_method_id')
    .where('id', '=', payment.saved_payment_method_id)
    .executeTakeFirst();
  return row?.provider_payment_method_id ?? null;
}

async function providerCustomerOf(db: Db, payment: Payment, provider: Payment['provider']) {
  const row = await db
    .selectFrom('provider_customers')
    .select('provider_customer_id')
    .where('customer_id', '=', payment.customer_id)
    .where('provider', '=', provider)
    .executeTakeFirst();
  return row?.provider_customer_id ?? null;
}
