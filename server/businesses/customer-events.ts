/**
 * A customer's events (issue 14), carrying the customer as the staff API shows it.
 * `customer.sms_opt_out` is told by the SMS work (issue 12) when a customer texts STOP: call
 * `emitCustomerSmsOptOut` in the transaction that records the opt-out.
 */
import type { Db, Trx } from '../db/database.ts';
import type { CustomerTable } from '../db/schema.ts';
import { emitEvent } from '../events/events.ts';
import { customerView } from './customers.ts';

/** `data.phone` is the number that opted out (the customer may have several over time). */
export async function emitCustomerSmsOptOut(trx: Trx | Db, customer: CustomerTable, phone: string) {
  return emitEvent(trx, {
    business_id: customer.business_id,
    type: 'customer.sms_opt_out',
    object: customerView(customer),
    extra: { phone },
  });
}
