/**
 * `GET /v1/portal/:token/invoices`: the open invoices a portal answer did not show, a page at a
 * time after `starting_after` (issue 13: the element's "Show more invoices"). An invoice or
 * estimate link reaches one invoice or none, all on the first page.
 */
import { businessTimeZone } from '../businesses/businesses.ts';
import type { Db } from '../db/database.ts';
import { firstOpenInvoices, openInvoicesAfter } from '../invoices/open-page.ts';
import type { PortalScope } from '../links/access.ts';
import { portalMoney } from '../payments/payable.ts';
import { overdueCounter } from './overdue.ts';
import { invoiceView } from './view.ts';

export async function portalInvoicePage(
  db: Db,
  scope: PortalScope,
  { starting_after, limit }: { starting_after?: string | undefined; limit: number },
) {
  const overdue = overdueCounter(businessTimeZone(scope.business, scope.settings));
  const list = (invoices: Parameters<typeof invoiceView>[0][], hasMore: boolean) => ({
    object: 'list' as const,
    data: invoices.map((invoice) => invoiceView(invoice, scope.token, overdue)),
    has_more: hasMore,
  });
  if (scope.link.kind !== 'customer') {
    return list(starting_after ? [] : (await portalMoney(db, scope)).invoices, false);
  }
  if (!starting_after) {
    const page = await firstOpenInvoices(db, scope.customer.id, limit);
    return list(page.invoices, page.count > page.invoices.length);
  }
  const page = await openInvoicesAfter(db, scope.customer.id, starting_after, limit);
  return list(page.invoices, page.hasMore);
}
