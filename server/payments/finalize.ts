/**
 * `POST /v1/portal/:token/payments/:id/payment_method`: the browser has collected a card or bank
 * account with the provider's own fields (Stripe: a ConfirmationToken or PaymentMethod id) and
 * asks for the final figures before the customer confirms. The server reads the funding from the
 * provider (a card fee applies to credit cards only), fixes the fee, and changes the amount at
 * the provider; the answer is what the customer is then asked to confirm.
 */
import type { Db } from '../db/database.ts';
import { now } from '../db/ids.ts';
import { conflict } from '../http/errors.ts';
import { lockCustomer } from '../ledger/entries.ts';
import type { PortalScope } from '../links/access.ts';
import { setProviderAmount } from './amounts.ts';
import { paymentQuote } from './fees.ts';
import { figuresInputOf, getLinkPayment, lockPayment, type Payment } from './payments.ts';
import type { PaymentProvider } from './provider.ts';

export async function finalizePaymentMethod(
  db: Db,
  provider: PaymentProvider,
  scope: PortalScope,
  paymentId: string,
  reference: string,
): Promise<Payment> {
  const payment = await getLinkPayment(db, scope, paymentId);
  if (!provider.describePaymentMethod || payment.provider !== provider.name) {
    throw conflict(
      'not_supported',
      'This payment takes its payment method at confirmation; there is nothing to finalize.',
    );
  }
  const details = await provider.describePaymentMethod(reference);
  const total = await db.transaction().execute(async (trx) => {
    const current = (await lockPayment(trx, { id: payment.id }))!;
    if (current.status !== 'requires_confirmation' && current.status !== 'failed') {
      throw conflict('payment_not_updatable', `This payment is ${current.status}.`);
    }
    await lockCustomer(trx, current.customer_id);
    const quote = paymentQuote(
      scope.settings,
      figuresInputOf(current),
      details.method,
      details.funding,
    );
    await trx
      .updateTable('payments')
      .set({
        subtotal: quote.subtotal,
        tip: quote.tip,
        fee: quote.fee,
        total: quote.total,
        method: details.method,
        funding: details.funding,
        card_brand: details.brand,
        card_last4: details.last4,
        updated_at: now(),
      })
      .where('id', '=', current.id)
      .execute();
    return quote.total;
  });
  await setProviderAmount(db, provider, payment, total);
  return getLinkPayment(db, scope, payment.id);
}
