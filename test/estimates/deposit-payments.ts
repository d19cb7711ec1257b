/**
 * A deposit payment recorded as server/payments/record.ts records one: a succeeded payment row,
 * then takeEstimateDeposit()'s entries (and anything beyond the deposit as account credit)
 * appended in one transaction. For the states the portal refuses to make: part of a deposit, a
 * second tab's payment, a payment recorded after the estimate became an invoice.
 */
import { newId, now } from '../../server/db/ids.ts';
import type { PaymentTable } from '../../server/db/schema.ts';
import { takeEstimateDeposit } from '../../server/estimates/deposits.ts';
import { appendEntries } from '../../server/ledger/entries.ts';
import type { Harness, StaffClient } from '../support/harness.ts';

let receipts = 0;

/** A deposit payment of `amount` for `estimateId`, with the suite's next receipt number. */
export async function recordDepositPayment(
  h: Harness,
  staff: StaffClient,
  customerId: string,
  estimateId: string,
  amount: number,
) {
  receipts += 1;
  const at = now();
  const payment: PaymentTable = {
    id: newId('pay'),
    business_id: staff.id,
    customer_id: customerId,
    payment_link_id: null,
    status: 'succeeded',
    provider: 'sandbox',
    provider_payment_id: newId('sbx'),
    provider_idempotency_key: `deposit-${receipts}`,
    provider_changes: 0,
    currency: 'usd',
    subtotal: amount,
    tip: 0,
    fee: 0,
    total: amount,
    method: 'card',
    funding: 'credit',
    card_brand: 'visa',
    card_last4: '4242',
    save_payment_method: 0,
    saved_payment_method_id: null,
    receipt_number: `R-${String(receipts).padStart(6, '0')}`,
    failure_code: null,
    failure_message: null,
    requested: JSON.stringify({ invoices: [], balance_amount: 0, tip: null, quoted_total: amount }),
    created_at: at,
    updated_at: at,
    succeeded_at: at,
  };
  await h.db.transaction().execute(async (trx) => {
    await trx.insertInto('payments').values(payment).execute();
    const label = `Payment ${payment.receipt_number}`;
    const deposit = await takeEstimateDeposit(trx, payment, estimateId, amount, label);
    const rest = amount - deposit.applied;
    await appendEntries(trx, { business_id: staff.id, customer_id: customerId }, [
      ...deposit.entries,
      ...(rest > 0
        ? [
            {
              kind: 'payment' as const,
              amount: -rest,
              description: `${label}, account credit`,
              payment_id: payment.id,
            },
          ]
        : []),
    ]);
  });
  return payment;
}
