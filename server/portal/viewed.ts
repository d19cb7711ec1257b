/**
 * `POST /v1/portal/:token/views`: the element reports that the customer saw the portal. Only this
 * counts as a view, never a GET, so mail scanners that fetch every link are not taken for people.
 */
import type { Trx } from '../db/database.ts';
import { now } from '../db/ids.ts';
import { markInvoiceViewed } from '../invoices/status.ts';
import type { PortalScope } from '../links/access.ts';
import { recordLinkEvent } from '../links/link-events.ts';

/**
 * Records `viewed` on the link and moves the invoices the customer was shown from open to viewed:
 * an invoice link's invoice, or every open invoice a customer link lists.
 */
export async function recordPortalView(trx: Trx, scope: PortalScope): Promise<void> {
  await recordLinkEvent(trx, scope.link, 'viewed');
  if (scope.link.kind === 'invoice') {
    await markInvoiceViewed(trx, scope.link.invoice_id!);
  } else if (scope.link.kind === 'customer') {
    await trx
      .updateTable('invoices')
      .set({ status: 'viewed', updated_at: now() })
      .where('customer_id', '=', scope.customer.id)
      .where('status', '=', 'open')
      .execute();
  }
}
