/**
 * Consents given with a payment: to text the customer (SMS reminders) and to save their card.
 * Kept with what was shown, when, from where and through which link, as the law asks of consent.
 */
import type { Trx } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import type { Client } from '../http/client-address.ts';
import type { PortalScope } from '../links/access.ts';
import type { Payment } from './payments.ts';

/** The label next to the save-card box, kept as the consent text when the body gives none. */
export const SAVE_CARD_TEXT = 'Save card for future payments';

/** What of a new payment's body speaks of consent. */
export interface ConsentInput {
  save_payment_method: boolean;
  save_payment_method_text?: string | null | undefined;
  sms_consent?: { phone: string; text: string } | null | undefined;
}

/** SMS and card-saving consent: what was shown, when, from where, through which link. */
export async function recordConsents(
  trx: Trx,
  scope: PortalScope,
  payment: Payment,
  input: ConsentInput,
  client: Client,
) {
  const base = {
    business_id: scope.business.id,
    customer_id: scope.customer.id,
    payment_link_id: scope.link.id,
    payment_id: payment.id,
    client_address: client.address,
    user_agent: client.userAgent,
    created_at: payment.created_at,
  };
  const consents = [];
  if (input.sms_consent) {
    consents.push({
      ...base,
      id: newId('cns'),
      kind: 'sms' as const,
      phone: input.sms_consent.phone,
      text: input.sms_consent.text,
    });
  }
  if (input.save_payment_method) {
    consents.push({
      ...base,
      id: newId('cns'),
      kind: 'save_card' as const,
      phone: null,
      text: input.save_payment_method_text ?? SAVE_CARD_TEXT,
    });
  }
  if (consents.length > 0) await trx.insertInto('consents').values(consents).execute();
}
