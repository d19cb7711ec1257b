/**
 * The invoice as a document, drawn for `<pay-portal>` from its InvoiceViewController: the
 * `<pay-portal-invoice>` once loaded, or a line while it loads, or "Try again". The print
 * stylesheet (pay-portal.styles.ts) keeps only the business's header and this section. Part of
 * the element's lazy account view (widget/pay-portal/account-view.part.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Portal } from '../../shared/api/portal.ts';
import type { Localizer } from '../i18n/localize.ts';
import type { InvoiceViewController, InvoiceViewLink } from './invoice-view.controller.ts';

/** The invoice of an invoice link, at the head of the page. */
export function renderLinkInvoice(
  l: Localizer,
  view: InvoiceViewController,
  portal: Portal,
  link: InvoiceViewLink,
) {
  const invoice = portal.link.kind === 'invoice' ? portal.invoices[0] : undefined;
  return invoice ? renderSection(l, view, portal, link, invoice.id, 2, nothing) : nothing;
}

/** The invoice opened from a customer link, with "Back". */
export function renderOpenedInvoice(
  l: Localizer,
  view: InvoiceViewController,
  portal: Portal,
  link: InvoiceViewLink,
  back: () => void,
) {
  if (!view.opened) return nothing;
  const backButton = html`<button class="link-button" type="button" @click=${back}>
    ${l.t.backToAccount}
  </button>`;
  return renderSection(l, view, portal, link, view.opened, 2, backButton);
}

function renderSection(
  l: Localizer,
  { loader }: InvoiceViewController,
  portal: Portal,
  link: InvoiceViewLink,
  invoiceId: string,
  level: number,
  before: TemplateResult | typeof nothing,
): TemplateResult {
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
