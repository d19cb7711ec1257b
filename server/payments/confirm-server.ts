/**
 * `POST /v1/portal/:token/payments/:id/confirm` for a provider that confirms on the server
 * (Stripe's "finalize payments on the server" flow): Stripe.js turns what the customer typed into
 * a ConfirmationToken (`stripe.createConfirmationToken`) and the browser sends its id here. The
 * server reads the card's funding from the token's `payment_method_preview`, settles the fee for
 * that card (409 `fee_changed` when the total is not the one the customer was shown or
 * accepted), brings the PaymentIntent to the total and confirms it with that very token
 * (`paymentIntents.confirm` with `confirmation_token` and `return_url`): the card previewed is
 * the card charged (issue 10). What Stripe then says is recorded through the one event path; a
 * 3-D Secure card answers `requires_action`, for `stripe.handleNextAction` in the browser.
 */
import type { Db } from '../db/database.ts';
import { conflict, unprocessable } from '../http/errors.ts';
import type { PortalScope } from '../links/access.ts';
import { countProviderChange, setProviderAmount } from './amounts.ts';
import { claim, guarded, type Instrument, settleTotal } from './confirm-claim.ts';
import { getLinkPayment, type Payment } from './payments.ts';
import type { PaymentMethodDetails, PaymentProvider, ServerConfirmed } from './provider.ts';
import { reconcilePayment } from './reconcile.ts';
import { getSavedPaymentMethod } from './saved-methods.ts';

export interface ServerConfirmation {
  /** Stripe.js's ConfirmationToken (`ctoken_…`); absent when paying with the saved card chosen. */
  confirmation_token?: string | undefined;
  /** Where the customer's bank sends them back after a redirect: our page or an allowed one. */
  return_url: string;
  accept_total?: number | undefined;
}

export async function confirmOnServer(
  db: Db,
  provider: PaymentProvider,
  scope: PortalScope,
  paymentId: string,
  body: ServerConfirmation,
  publicUrl: string,
): Promise<{ payment: Payment; nextAction: ServerConfirmed['nextAction'] }> {
  const payment = await getLinkPayment(db, scope, paymentId);
  if (
    !provider.confirmOnServer ||
    !provider.describePaymentMethod ||
    payment.provider !== provider.name
  ) {
    throw conflict(
      'confirm_not_supported',
      'This payment is confirmed with the test form: send {"sandbox": {…}}.',
    );
  }
  const providerPaymentId = payment.provider_payment_id;
  if (!providerPaymentId) {
    throw conflict('payment_not_started', 'This payment has not reached the provider yet.');
  }
  checkReturnUrl(body.return_url, scope, publicUrl);
  const reference = body.confirmation_token ?? null;
  const details = await provider.describePaymentMethod(
    reference ?? (await savedCardOf(db, scope, payment)),
  );
  const instrument = instrumentOf(details);
  const claimed = await claim(db, payment.id, ['requires_confirmation', 'failed'], (trx, current) =>
    settleTotal(trx, scope, current, instrument, body.accept_total),
  );
  const confirmed = await guarded(db, provider, payment, 'requires_confirmation', async () => {
    await setProviderAmount(db, provider, payment, claimed.total);
    const idempotencyKey = `${payment.id}:confirm:${await countProviderChange(db, payment.id)}`;
    return provider.confirmOnServer!({
      providerPaymentId,
      reference,
      returnUrl: body.return_url,
      idempotencyKey,
    });
  }).catch(async (error: unknown) => {
    // The answer was lost, but the provider went on (guarded recorded what it says): the
    // customer is told where the payment stands, not that something went wrong.
    const now = await getLinkPayment(db, scope, payment.id);
    if (now.status === 'requires_confirmation' || now.status === 'processing') throw error;
    return { nextAction: null };
  });
  // What the provider now says (succeeded, declined, 3-D Secure, processing) reaches our books
  // through the one event path; its webhook, arriving later, finds it done.
  const current = await db
    .selectFrom('payments')
    .selectAll()
    .where('id', '=', payment.id)
    .executeTakeFirstOrThrow();
  await reconcilePayment(db, provider, current);
  return { payment: await getLinkPayment(db, scope, payment.id), nextAction: confirmed.nextAction };
}

/** The provider's id of the saved card the payment was made with; without one a token is needed. */
async function savedCardOf(db: Db, scope: PortalScope, payment: Payment): Promise<string> {
  if (!payment.saved_payment_method_id) {
    throw unprocessable(
      'parameter_missing',
      'confirmation_token is required: the ConfirmationToken Stripe.js made for the card.',
      'confirmation_token',
    );
  }
  const saved = await getSavedPaymentMethod(
    db,
    scope,
    payment.saved_payment_method_id,
    'payment_method',
  );
  return saved.provider_payment_method_id;
}

function instrumentOf(details: PaymentMethodDetails): Instrument {
  return details.method === 'card'
    ? { method: 'card', funding: details.funding, brand: details.brand, last4: details.last4 }
    : { method: 'us_bank_account', last4: details.last4 };
}

/**
 * The bank sends the customer back to `return_url`: only to our own pages or a page the
 * business allowed to embed the element, never to anywhere a request names.
 */
function checkReturnUrl(returnUrl: string, scope: PortalScope, publicUrl: string): void {
  let origin: string;
  try {
    const url = new URL(returnUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('scheme');
    origin = url.origin;
  } catch {
    throw unprocessable('parameter_invalid', 'return_url must be an http(s) URL.', 'return_url');
  }
  const allowed = [new URL(publicUrl).origin, ...scope.settings.allowed_origins];
  if (!allowed.includes(origin)) {
    throw unprocessable(
      'return_url_not_allowed',
      `return_url must be on ${allowed.join(' or ')}: the pages this business allows.`,
      'return_url',
    );
  }
}
