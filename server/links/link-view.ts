/** A payment link as the staff API shows it (and as `link.viewed` carries it). */
import { linkExpires, linkStatus, type PaymentLink } from './payment-links.ts';

/**
 * `url` is the link's full URL where the caller may show it (staff answers); events carry null:
 * the token is a bearer credential and does not leave for other systems (docs/webhooks.md).
 */
export function paymentLinkView(link: PaymentLink, url: string | null) {
  return {
    id: link.id,
    object: 'payment_link' as const,
    kind: link.kind,
    customer: link.customer_id,
    invoice: link.invoice_id,
    estimate: link.estimate_id,
    url,
    status: linkStatus(link),
    expires: linkExpires(link),
    created: link.created_at,
  };
}
