/**
 * `POST /v1/portal/:token/payments/:id/confirm`, for sandbox payments (Stripe payments are
 * confirmed by the server with the card Stripe.js collected: confirm-server.ts). The customer's test card or bank account is checked
 * first (a bad number changes nothing). Then the payment is claimed, with its row held, so that
 * two tabs confirming the same payment charge it once: the second is told it is in progress.
 *
 * The fee is final only now, when the card's funding is known (a card fee applies to credit
 * cards only). If the final total differs from the one the customer was shown when the payment
 * was made, the answer is 409 `fee_changed` with the new figures, and nothing is charged until
 * the customer confirms again with `accept_total` equal to the new total.
 */

import type { Db } from '../db/database.ts';
import { conflict, notFound } from '../http/errors.ts';
import type { PortalScope } from '../links/access.ts';
import { setProviderAmount } from './amounts.ts';
import { claim, guarded, settleTotal } from './confirm-claim.ts';
import { getLinkPayment, type Payment } from './payments.ts';
import type { PaymentProvider } from './provider.ts';
import { SandboxProvider } from './sandbox.ts';
import {
  type BankInput,
  type CardInput,
  readTestBankAccount,
  readTestCard,
  type SandboxInstrument,
} from './sandbox-instruments.ts';
import { getSavedPaymentMethod } from './saved-methods.ts';

export type SandboxDetails =
  | CardInput
  | BankInput
  | { three_d_secure: 'approve' | 'fail' }
  | { payment_method: string };

export interface SandboxConfirmation {
  sandbox: SandboxDetails;
  accept_total?: number | undefined;
}

export async function confirmSandboxPayment(
  db: Db,
  provider: PaymentProvider,
  scope: PortalScope,
  paymentId: string,
  body: SandboxConfirmation,
): Promise<Payment> {
  const payment = await getLinkPayment(db, scope, paymentId);
  if (!(provider instanceof SandboxProvider) || payment.provider !== 'sandbox') {
    throw conflict(
      'confirm_not_supported',
      'This payment is confirmed in the browser by Stripe.js, not through this call.',
    );
  }
  if (!payment.provider_payment_id) {
    throw conflict('payment_not_started', 'This payment has not reached the provider yet.');
  }
  const details = body.sandbox;
  if ('three_d_secure' in details) {
    await claim(db, payment.id, ['requires_action'], async () => null);
    await guarded(db, provider, payment, 'requires_action', () =>
      provider.completeAction(payment.provider_payment_id!, details.three_d_secure),
    );
    return getLinkPayment(db, scope, payment.id);
  }

  const instrument = await readInstrument(db, provider, scope, details);
  const claimed = await claim(db, payment.id, ['requires_confirmation', 'failed'], (trx, current) =>
    settleTotal(trx, scope, current, instrument, body.accept_total),
  );
  await guarded(db, provider, payment, 'requires_confirmation', async () => {
    // The provider charges what it holds: bring it to the final total first.
    await setProviderAmount(db, provider, payment, claimed.total);
    return provider.confirm(payment.provider_payment_id!, instrument);
  });
  return getLinkPayment(db, scope, payment.id);
}

async function readInstrument(
  db: Db,
  provider: SandboxProvider,
  scope: PortalScope,
  details: Exclude<SandboxDetails, { three_d_secure: unknown }>,
): Promise<SandboxInstrument> {
  if ('card_number' in details) return readTestCard(details);
  if ('routing_number' in details) return readTestBankAccount(details);
  const saved = await getSavedPaymentMethod(
    db,
    scope,
    details.payment_method,
    'sandbox.payment_method',
  );
  const instrument =
    saved.provider === 'sandbox' &&
    (await provider.savedInstrument(saved.provider_payment_method_id));
  if (!instrument) throw notFound('saved payment method', 'sandbox.payment_method');
  return instrument;
}
