/**
 * The invoice as a document, for `<pay-portal>`: on an invoice link it heads the page; on a
 * customer link "View invoice" opens it in a view of its own, with "Back". Loads
 * `<pay-portal-invoice>` when an invoice is first to be shown; invoice-view.ts draws it (in the
 * element's lazy account view).
 */
import type { ReactiveControllerHost } from 'lit';
import type { Portal } from '../../shared/api/portal.ts';
import { InvoiceViewLoader } from './invoice-loader.ts';

export interface InvoiceViewLink {
  apiBase: string;
  token: string;
}

export class InvoiceViewController {
  readonly loader: InvoiceViewLoader;
  /** The invoice opened from a customer link, if any. */
  opened: string | null = null;

  /** `show`: the element goes to the view of the opened invoice. */
  constructor(
    host: ReactiveControllerHost,
    private readonly show: () => void,
  ) {
    this.loader = new InvoiceViewLoader(() => host.requestUpdate());
  }

  /** A newly loaded account: an invoice link shows its invoice at once. */
  reset(portal: Portal): void {
    if (portal.link.kind === 'invoice' && portal.invoices.length > 0) void this.loader.open();
  }

  /** "View invoice" on a customer link. */
  open = (invoiceId: string): void => {
    this.opened = invoiceId;
    void this.loader.open();
    this.show();
  };
}
