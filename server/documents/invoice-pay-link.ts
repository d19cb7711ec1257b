/**
 * The link printed (as text and as a QR code) on an unpaid invoice: the invoice's own payment
 * link, which reaches that invoice and nothing else, so a PDF forwarded to a bookkeeper opens no
 * more than the invoice. The newest live one is reused; without one, one is made (staff see it
 * among the invoice's links, `created` in its activity). Paid, void and draft invoices carry none.
 */
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { BusinessTable, InvoiceTable } from '../db/schema.ts';
import { createPaymentLink, linkStatus } from '../links/payment-links.ts';
import { unsealToken } from '../links/tokens.ts';

const PAYABLE = new Set<InvoiceTable['status']>(['open', 'viewed', 'partially_paid']);

export async function invoicePayUrl(
  db: Db,
  config: Config,
  business: BusinessTable,
  invoice: InvoiceTable,
  amountDue: number,
): Promise<string | null> {
  if (!PAYABLE.has(invoice.status) || amountDue <= 0) return null;
  const links = await db
    .selectFrom('payment_links')
    .selectAll()
    .where('invoice_id', '=', invoice.id)
    .where('kind', '=', 'invoice')
    .where('status', '=', 'active')
    .orderBy('created_at', 'desc')
    .execute();
  for (const link of links) {
    const live = linkStatus({
      ...link,
      invoice_status: invoice.status,
      estimate_valid_until: null,
    });
    const token =
      live === 'active' ? unsealToken(link.token_sealed, link.id, config.appSecret) : null;
    if (token) return urlOf(config, token);
  }
  const made = await db
    .transaction()
    .execute((trx) => createPaymentLink(trx, business, { invoice: invoice.id }, config.appSecret));
  return urlOf(config, made.token);
}

function urlOf(config: Config, token: string) {
  return `${config.publicUrl}/p/${token}`;
}
