/**
 * The invoice as a document, for `<pay-portal>`: on an invoice link it heads the page; on a
 * customer link "View invoice" opens it in a view of its own, with "Back". Loads
 * `<pay-portal-invoice>` when an invoice is first to be shown, and draws it, or a line while it
 * loads, or "Try again". The print stylesheet (pay-portal.styles.ts) keeps only the business's
 * header and this section.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Portal } from '../../shared/api/portal.ts';
import type { Localizer } from '../i18n/localize.ts';
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

  /** The invoice of an invoice link, at the head of the page. */
  renderLinkInvoice(l: Localizer, portal: Portal, link: InvoiceViewLink) {
    const invoice = portal.link.kind === 'invoice' ? portal.invoices[0] : undefined;
    return invoice ? this.renderSection(l, portal, link, invoice.id, 2, nothing) : nothing;
  }

  /** The invoice opened from a customer link, with "Back". */
  renderOpened(l: Localizer, portal: Portal, link: InvoiceViewLink, back: () => void) {
    if (!this.opened) return nothing;
    const backButton = html`<button class="link-button" type="button" @click=${back}>
      ${l.t.backToAccount}
    </button>`;
    return this.renderSection(l, portal, link, this.opened, 2, backButton);
  }

  private renderSection(
    l: Localizer,
    portal: Portal,
    link: InvoiceViewLink,
    invoiceId: string,
    level: number,
    before: TemplateResult | typeof nothing,
  ): TemplateResult {
    const { loader } = this;
    return html`<section class="section invoice-document" part="invoice-document">
      ${before}
      ${
        loader.state === 'ready'
          ? html`<pay-portal-invoice
              invoice=${invoiceId}
              api-base=${link.apiBase}
              token=${link.token}
              locale=${l.locale}
              currency=${portal.currency}
              heading-level=${level}
              .business=${portal.business}
            ></pay-portal-invoice>`
          : loader.state === 'failed'
            ? html`<div class="form-status" role="alert">
                <p>${l.t.invoiceFailed}</p>
                <button class="button" type="button" @click=${() => void loader.open()}>
                  ${l.t.retry}
                </button>
              </div>`
            : html`<p class="form-status muted">${l.t.invoiceLoading}</p>`
      }
    </section>`;
  }
}
