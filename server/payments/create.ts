/**
 * Creating a payment from the portal. The server computes every figure again from the ledger and
 * the business's settings (the browser's are for display only), checks what is asked against
 * what is due now less what other in-flight payments hold, and writes the attempt, its holds and
 * the provider idempotency key BEFORE calling the provider: a crash never loses what was asked,
 * and a retry asks the provider for the same thing, which it answers once.
 */

import {
  type PaymentMethodKind,
  type QuoteInput,
  type TipChoice,
  tipAmount,
} from '../../shared/quote.ts';
import type { Db, Trx } from '../db/database.ts';
import { newId, now } from '../db/ids.ts';
import type { PaymentTable } from '../db/schema.ts';
import { estimateDepositDue } from '../estimates/deposits.ts';
import type { Client } from '../http/client-address.ts';
import { ApiError, unprocessable } from '../http/errors.ts';
import { lockCustomer } from '../ledger/entries.ts';
import type { PortalScope } from '../links/access.ts';
import { recordConsents } from './consents.ts';
import { paymentQuote } from './fees.ts';
import { checkPayable, holdExpiry, placeHolds, releaseHolds } from './holds.ts';
import { attachPayment } from './idempotency.ts';
import { checkPaymentMethod } from './methods.ts';
import { checkMinimum, checkProviderCurrency } from './minimums.ts';
import type { Payment, RequestedPayment } from './payments.ts';
import type { PaymentMethodDetails, PaymentProvider } from './provider.ts';
import { getSavedPaymentMethod } from './saved-methods.ts';

export interface NewPortalPayment {
  invoices: { id: string; amount: number }[];
  balance_amount: number;
  tip?: TipChoice;
  method: PaymentMethodKind;
  save_payment_method: boolean;
  save_payment_method_text?: string | null | undefined;
  /** A card the customer saved before (`pm_…`), to pay with it. */
  payment_method?: string | null | undefined;
  sms_consent?: { phone: string; text: string } | null | undefined;
  /** The deposit of an approved estimate the link reaches, paid on its own. */
  estimate_deposit?: { estimate: string } | null | undefined;
}

export interface Started {
  payment: Payment;
  clientSecret: string | null;
}

/** Writes the attempt (in one transaction with its holds and consents), then asks the provider. */
export async function createPortalPayment(
  db: Db,
  provider: PaymentProvider,
  scope: PortalScope,
  input: NewPortalPayment,
  client: Client,
  idempotencyKey: string,
): Promise<Started> {
  const savedCard = await describeSavedCard(db, provider, scope, input);
  const written = await db.transaction().execute(async (trx) => {
    await lockCustomer(trx, scope.customer.id);
    return writeAttempt(trx, provider, scope, input, client, idempotencyKey, savedCard);
  });
  return startWithProvider(db, provider, scope, written.payment);
}

async function writeAttempt(
  trx: Trx,
  provider: PaymentProvider,
  scope: PortalScope,
  input: NewPortalPayment,
  client: Client,
  idempotencyKey: string,
  savedCard: PaymentMethodDetails | null,
) {
  const { business, customer, settings } = scope;
  checkPaymentMethod(business.currency, input.method, provider.methods);
  const request: QuoteInput = {
    invoices: input.invoices,
    balance_amount: input.balance_amount,
    tip: input.tip ?? null,
  };
  let deposit: RequestedPayment['estimate_deposit'] = null;
  if (input.estimate_deposit) {
    // A deposit is for work not done yet: paid alone, without invoices, balance or tip.
    if (
      request.invoices.length > 0 ||
      request.balance_amount !== 0 ||
      tipAmount(10_000, request.tip) > 0
    ) {
      throw unprocessable(
        'deposit_paid_alone',
        'A deposit is paid on its own, without invoices, an account balance or a tip.',
        'estimate_deposit',
      );
    }
    const due = await estimateDepositDue(trx, scope, input.estimate_deposit.estimate);
    deposit = { estimate: due.estimate.id, amount: due.amount };
  } else {
    await checkPayable(trx, scope, request);
  }
  let savedId: string | null = null;
  if (input.payment_method) {
    const saved = await getSavedPaymentMethod(trx, scope, input.payment_method, 'payment_method');
    if (input.method !== 'card' || saved.provider !== provider.name) {
      throw unprocessable(
        'payment_method_unavailable',
        'This saved card cannot be used here.',
        'payment_method',
      );
    }
    savedId = saved.id;
  }
  // A new card's funding is not known yet: the fee is shown as for a credit card, and computed
  // again when the provider tells the funding, before the customer confirms the final total. A
  // saved card is the card charged: its funding, as the provider tells it, decides the fee now.
  const funding = savedId ? (savedCard?.funding ?? null) : null;
  const quote = paymentQuote(
    settings,
    deposit ? { invoices: [], balance_amount: deposit.amount, tip: null } : request,
    input.method,
    funding,
  );
  checkProviderCurrency(provider.name, business.currency);
  // Before any card fee, since a debit card drops it and the total must stay payable.
  checkMinimum(provider.name, business.currency, business.locale, quote.subtotal + quote.tip);
  const at = now();
  const id = newId('pay');
  const requested: RequestedPayment = {
    invoices: input.invoices,
    balance_amount: input.balance_amount,
    tip: input.tip ?? null,
    quoted_total: quote.total,
    estimate_deposit: deposit,
  };
  const payment: PaymentTable = {
    id,
    business_id: business.id,
    customer_id: customer.id,
    payment_link_id: scope.link.id,
    status: 'requires_confirmation',
    provider: provider.name,
    provider_payment_id: null,
    provider_idempotency_key: `${id}:create`,
    provider_changes: 0,
    currency: business.currency,
    subtotal: quote.subtotal,
    tip: quote.tip,
    fee: quote.fee,
    total: quote.total,
    method: input.method,
    funding,
    card_brand: savedId ? (savedCard?.brand ?? null) : null,
    card_last4: savedId ? (savedCard?.last4 ?? null) : null,
    save_payment_method: input.save_payment_method ? 1 : 0,
    saved_payment_method_id: savedId,
    receipt_number: null,
    failure_code: null,
    failure_message: null,
    requested: JSON.stringify(requested),
    created_at: at,
    updated_at: at,
    succeeded_at: null,
  };
  await trx.insertInto('payments').values(payment).execute();
  await placeHolds(trx, payment, request, holdExpiry());
  await recordConsents(trx, scope, payment, input, client);
  await attachPayment(trx, business.id, idempotencyKey, payment.id);
  return { payment };
}

/**
 * What the saved card the customer chose is, read from the provider before anything is written
 * (a debit card saved last month is still a debit card: issue 10, defect 3). Checked again for
 * the customer and provider inside the transaction; a provider that cannot describe cards (the
 * sandbox, which settles the fee at confirmation) gives null.
 */
async function describeSavedCard(
  db: Db,
  provider: PaymentProvider,
  scope: PortalScope,
  input: NewPortalPayment,
): Promise<PaymentMethodDetails | null> {
  if (!input.payment_method || input.method !== 'card' || !provider.describePaymentMethod) {
    return null;
  }
  const saved = await getSavedPaymentMethod(db, scope, input.payment_method, 'payment_method');
  if (saved.provider !== provider.name) return null;
  return provider.describePaymentMethod(saved.provider_payment_method_id);
}

/**
 * Asks the provider for the payment written before (again, after a crash: the same idempotency
 * key gets the same answer). If the provider cannot be reached, the attempt is canceled and its
 * holds freed: nothing was charged, and the customer may simply try again.
 */
export async function startWithProvider(
  db: Db,
  provider: PaymentProvider,
  scope: PortalScope,
  payment: Payment,
): Promise<Started> {
  // Read from the payment itself, so a retry that resumes it asks the provider exactly as the
  // first attempt did (the same idempotency key with other parameters is refused by Stripe).
  const saved = payment.saved_payment_method_id
    ? await db
        .selectFrom('payment_methods')
        .select('provider_payment_method_id')
        .where('id', '=', payment.saved_payment_method_id)
        .executeTakeFirst()
    : undefined;
  const known = await db
    .selectFrom('provider_customers')
    .select('provider_customer_id')
    .where('customer_id', '=', payment.customer_id)
    .where('provider', '=', provider.name)
    .executeTakeFirst();
  let created: Awaited<ReturnType<PaymentProvider['createPayment']>>;
  try {
    created = await provider.createPayment({
      paymentId: payment.id,
      amount: Number(payment.total),
      currency: payment.currency,
      idempotencyKey: payment.provider_idempotency_key,
      customer: {
        id: scope.customer.id,
        name: scope.customer.name,
        email: scope.customer.email,
        providerCustomerId: known?.provider_customer_id ?? null,
      },
      savePaymentMethod: payment.save_payment_method === 1,
      savedPaymentMethodId: saved?.provider_payment_method_id ?? null,
      method: payment.method,
      metadata: { business_id: payment.business_id, customer_id: payment.customer_id },
    });
  } catch (error) {
    // Refused (Stripe's 400: `amount_too_small`, say) or unreachable, nothing was charged: the
    // attempt is canceled and its holds freed at once, so the customer can try again.
    const refused = error instanceof ApiError && error.status < 500;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('payments')
        .set({
          status: 'canceled',
          failure_code: refused ? error.code : 'provider_unavailable',
          failure_message: refused
            ? error.message
            : 'The payment could not be started. Nothing was charged; try again.',
          updated_at: now(),
        })
        .where('id', '=', payment.id)
        .where('status', '=', 'requires_confirmation')
        .execute();
      await releaseHolds(trx, payment.id);
    });
    if (refused) throw error;
    throw new ApiError(
      500,
      'api_error',
      'provider_unavailable',
      "We couldn't reach the payment processor. Nothing was charged; try again in a moment.",
    );
  }
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('payments')
      .set({ provider_payment_id: created.providerPaymentId, updated_at: now() })
      .where('id', '=', payment.id)
      .execute();
    if (created.providerCustomerId && !known) {
      await trx
        .insertInto('provider_customers')
        .values({
          customer_id: payment.customer_id,
          provider: provider.name,
          provider_customer_id: created.providerCustomerId,
          created_at: now(),
        })
        .onConflict((oc) => oc.columns(['customer_id', 'provider']).doNothing())
        .execute();
    }
    const fresh = await trx
      .selectFrom('payments')
      .selectAll()
      .where('id', '=', payment.id)
      .executeTakeFirstOrThrow();
    return { payment: fresh, clientSecret: created.clientSecret };
  });
}
