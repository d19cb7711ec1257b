/**
 * `POST /v1/portal/:token/views`: the element reports that the customer saw the portal. Only this
 * counts as a view, never a GET, so mail scanners that fetch every link are not taken for people.
 */
import type { Trx } from '../db/database.ts';
import { emitEstimateEvent } from '../estimates/events.ts';
import { emitEvent } from '../events/events.ts';
import { markCustomerInvoicesViewed, markInvoiceViewed } from '../invoices/status.ts';
import type { PortalScope } from '../links/access.ts';
import { recordLinkEvent } from '../links/link-events.ts';
import { paymentLinkView } from '../links/link-view.ts';

/**
 * Records `viewed` on the link and moves the invoices the customer was shown from open to viewed:
 * an invoice link's invoice, or every open invoice a customer link lists.
 */
export async function recordPortalView(trx: Trx, scope: PortalScope): Promise<void> {
  await recordLinkEvent(trx, scope.link, 'viewed');
  await emitEvent(trx, {
    business_id: scope.business.id,
    type: 'link.viewed',
    object: paymentLinkView(scope.link, null),
  });
  if (scope.link.kind === 'estimate' && scope.link.estimate_id) {
    await emitEstimateEvent(trx, scope.link.estimate_id, 'estimate.viewed', { once: true });
  }
  if (scope.link.kind === 'invoice') {
    await markInvoiceViewed(trx, scope.link.invoice_id!);
  } else if (scope.link.kind === 'customer') {
    await markCustomerInvoicesViewed(trx, scope.customer.id);
  }
}
