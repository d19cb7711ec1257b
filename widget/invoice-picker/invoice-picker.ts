/**
 * Open invoices (and the account balance no invoice holds), each with a checkbox on a customer
 * link, "Overdue" with its days when past due, "View invoice" (the document) and its PDF, and, when the business allows partial payments, an amount field bounded by the amount due
 * and the business's minimum, with its error inline.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Portal, PortalInvoice } from '../../shared/api/portal.ts';
import type { CheckoutController } from '../checkout/checkout.controller.ts';
import type { PayRow } from '../checkout/choices.ts';
import type { Localizer } from '../i18n/localize.ts';

export function renderInvoicePicker(
  l: Localizer,
  portal: Portal,
  checkout: CheckoutController,
  resolve: (path: string) => string,
  view: ViewInvoice | null,
): TemplateResult {
  const { t } = l;
  const { errors } = checkout.checked;
  const choosable = portal.link.kind === 'customer';
  const nothingError = errors.get('nothing');
  return html`
    <section class="section" part="invoices" aria-labelledby="choose-title">
      <h3 id="choose-title" class="section-title">${t.choose}</h3>
      <ul class="rows">
        ${checkout.rows.map((row) => renderRow(l, portal, checkout, row, choosable, errors.get(row.key), resolve, view))}
      </ul>
      ${choosable && portal.invoices_summary.has_more ? showMore(l, portal, checkout) : nothing}
      ${nothingError ? html`<p class="error" id="error-nothing" role="alert">${nothingError}</p>` : nothing}
    </section>
  `;
}

function renderRow(
  l: Localizer,
  portal: Portal,
  checkout: CheckoutController,
  row: PayRow,
  choosable: boolean,
  error: string | undefined,
  resolve: (path: string) => string,
  view: ViewInvoice | null,
): TemplateResult {
  const { t } = l;
  const selected = checkout.selected.has(row.key);
  const title = row.invoice ? t.invoice(row.invoice.number) : t.accountBalance;
  const shownTitle = row.invoice ? invoiceTitle(l, row.invoice.number) : title;
  const amountId = `amount-${row.key}`;
  const errorId = `error-${row.key}`;
  const head = html`
    <span class="row-title">${shownTitle}</span>
    <span class="amount row-amount">${l.money(row.amountDue)}</span>
  `;
  return html`
    <li class="row" data-row=${row.key} ?data-selected=${selected}>
      ${
        choosable
          ? html`<label class="row-head">
              <input
                type="checkbox"
                .checked=${selected}
                aria-describedby=${`meta-${row.key}`}
                @change=${(event: Event) =>
                  checkout.toggleRow(row.key, (event.target as HTMLInputElement).checked)}
              />
              ${head}
            </label>`
          : html`<div class="row-head">${head}</div>`
      }
      <div class="row-meta" ?data-indent=${choosable}>
        <span class="muted" id=${`meta-${row.key}`}
          >${row.invoice ? dates(l, row.invoice) : t.accountBalanceNote}</span
        >
        ${row.invoice ? overdue(l, row.invoice) : nothing}
        ${row.invoice && view ? viewButton(l, row.invoice, view) : nothing}
        ${row.invoice ? pdfLink(l, row.invoice, resolve) : nothing}
      </div>
      ${
        portal.partial_payments.enabled && selected
          ? html`<div class="row-field" ?data-indent=${choosable}>
              <label for=${amountId}>
                ${t.amountToPay}<span class="visually-hidden"> (${title})</span>
              </label>
              <span class="money-input">
                <span class="symbol" aria-hidden="true">${l.symbol()}</span>
                <input
                  id=${amountId}
                  class="input"
                  inputmode="decimal"
                  autocomplete="off"
                  .value=${checkout.amountText.get(row.key) ?? ''}
                  aria-invalid=${error ? 'true' : 'false'}
                  aria-describedby=${error ? errorId : nothing}
                  @input=${(event: Event) =>
                    checkout.setAmount(row.key, (event.target as HTMLInputElement).value)}
                />
              </span>
              ${error ? html`<p class="error" id=${errorId}>${error}</p>` : nothing}
            </div>`
          : error
            ? html`<p class="error" id=${errorId}>${error}</p>`
            : nothing
      }
    </li>
  `;
}

/** "Show 175 more invoices": the next page, added below as rows to choose (issue 13). */
function showMore(l: Localizer, portal: Portal, checkout: CheckoutController) {
  const left = portal.invoices_summary.count - portal.invoices.length;
  return html`<p class="more">
    <button
      class="link-button"
      type="button"
      ?disabled=${checkout.more === 'loading'}
      @click=${() => void checkout.showMoreInvoices()}
    >
      ${l.t.showMoreInvoices(left)}
    </button>
    ${checkout.more === 'failed' ? html`<span class="error" role="alert">${l.t.moreInvoicesFailed}</span>` : nothing}
  </p>`;
}

/** "Invoice INV-0001" with the number kept on one line where it fits ("INV-" alone is no help). */
function invoiceTitle(l: Localizer, number: string): TemplateResult {
  const [before = '', after = ''] = l.t.invoice('\u0000').split('\u0000');
  return html`${before}<span class="number">${number}</span>${after}`;
}

function dates(l: Localizer, invoice: PortalInvoice): string {
  const { t } = l;
  const issued = t.issued(l.date(invoice.date));
  return invoice.due_date ? `${issued} · ${t.due(l.date(invoice.due_date))}` : issued;
}

/** "Overdue · 3 days", while something is due past the due date. */
function overdue(l: Localizer, invoice: PortalInvoice) {
  return invoice.days_overdue > 0
    ? html`<span class="overdue">${l.t.overdue(invoice.days_overdue)}</span>`
    : nothing;
}

/** Opens the invoice as a document (a customer link; an invoice link shows it already). */
export type ViewInvoice = (invoiceId: string) => void;

function viewButton(l: Localizer, invoice: PortalInvoice, view: ViewInvoice) {
  return html`<button
    class="link-button view-invoice"
    type="button"
    aria-label=${l.t.viewInvoiceLabel(invoice.number)}
    @click=${() => view(invoice.id)}
  >
    ${l.t.viewInvoice}
  </button>`;
}

function pdfLink(l: Localizer, invoice: PortalInvoice, resolve: (path: string) => string) {
  return html`<a
    class="pdf"
    href=${resolve(invoice.pdf_url)}
    target="_blank"
    rel="noopener"
    aria-label=${l.t.pdfLabel(invoice.number)}
    >${l.t.pdf}</a
  >`;
}
