/**
 * `<pay-portal-invoice>`: one invoice as the document it is (see invoice-document.ts), with
 * "Download PDF", "Print" (the page's print stylesheet prints the invoice alone, without the
 * payment form or any button) and "Ask a question" (to the business by email). Reads the invoice
 * from the portal API when it is shown, so the portal's own answer stays small. A lazy part of
 * `<pay-portal>`, loaded the first time an invoice is shown.
 *
 * @summary An invoice as a document, with Download PDF, Print and Ask a question.
 * @fires pay-portal-invoice-question - `{invoice, question}` once a question was sent.
 * @csspart invoice - The whole invoice.
 * @csspart from - The business's details.
 * @csspart bill-to - The customer's name and address.
 * @csspart lines - The table of lines.
 * @csspart totals - Subtotal, tax by rate, total, what was applied and the amount due.
 * @csspart notes - The invoice's notes.
 * @csspart terms - The business's payment terms.
 * @csspart actions - Download PDF, Print, Ask a question.
 * @cssprop --pay-portal-brand - Colour of the main buttons and links (default: the business's colour).
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { PortalBusiness, PortalInvoiceDocument } from '../../shared/api/portal.ts';
import { formatMoney } from '../../shared/money.ts';
import { renderQuestionForm } from '../question-form/question-form.ts';
import { baseStyles } from '../styles/base.styles.ts';
import { lineTableStyles } from '../styles/line-table.styles.ts';
import { InvoiceApi, InvoiceApiError } from './invoice-api.ts';
import { type Formats, renderDocument, renderStatus } from './invoice-document.ts';
import { type InvoiceMessages, invoiceMessages } from './invoice-strings.ts';
import { invoiceViewStyles } from './pay-portal-invoice.styles.ts';

export interface InvoiceQuestionDetail {
  invoice: string;
  question: string;
}

type Step = 'document' | 'ask' | 'sent';

export class PayPortalInvoice extends LitElement {
  static override styles = [baseStyles, lineTableStyles, invoiceViewStyles];
  // Declared without decorators: the part then shares no decorator helper with the estimate
  // view, so the build makes no chunk of their common code (widget/build/lazy-parts.ts).
  static override properties = {
    invoiceId: { attribute: 'invoice' },
    apiBase: { attribute: 'api-base' },
    token: {},
    locale: {},
    currency: {},
    business: { attribute: false },
    headingLevel: { attribute: 'heading-level', type: Number },
    invoice: { state: true },
    loadState: { state: true },
    step: { state: true },
    message: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  /** The invoice's id (`inv_…`), one the link reaches. */
  invoiceId = '';
  apiBase = '';
  token = '';
  locale = 'en';
  /** The business's currency (the portal's `currency`), for figures before the invoice loads. */
  currency = 'usd';
  /** The business's name and contact details, as the portal has them. */
  business: PortalBusiness | null = null;
  /** The level of the invoice's heading in the page's outline. */
  headingLevel = 2;

  private invoice: PortalInvoiceDocument | null = null;
  private loadState: 'loading' | 'ready' | 'failed' = 'loading';
  private step: Step = 'document';
  private message = '';
  private error = '';
  private busy = false;
  private abort: AbortController | null = null;

  get t(): InvoiceMessages {
    return invoiceMessages(this.locale);
  }

  get formats(): Formats {
    const { locale } = this;
    const currency = this.invoice?.currency ?? this.currency;
    return {
      money: (amount) => formatMoney(amount, currency, locale),
      date: (day) =>
        new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
          new Date(`${day.slice(0, 10)}T12:00:00Z`),
        ),
      rate: (bps) =>
        new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 }).format(
          bps / 10_000,
        ),
      count: (quantity) => new Intl.NumberFormat(locale).format(quantity),
    };
  }

  get api(): InvoiceApi {
    return new InvoiceApi(this.apiBase || location.origin, this.token, this.invoiceId);
  }

  /** The invoice as shown, once read. */
  get document(): PortalInvoiceDocument | null {
    return this.invoice;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('invoiceId') || changed.has('token') || changed.has('apiBase'))
      void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.abort?.abort();
  }

  /** Reads the invoice again (a retry, or after a payment changed it). */
  async load(): Promise<void> {
    if (!this.invoiceId || !this.token) return;
    this.abort?.abort();
    const abort = new AbortController();
    this.abort = abort;
    if (!this.invoice || this.invoice.id !== this.invoiceId) this.loadState = 'loading';
    try {
      this.invoice = await this.api.document(abort.signal);
      this.loadState = 'ready';
    } catch {
      if (!abort.signal.aborted) this.loadState = 'failed';
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('step') && changed.get('step') !== undefined) {
      this.renderRoot.querySelector<HTMLElement>('[data-focus]')?.focus();
    }
  }

  protected override render(): TemplateResult {
    const { t } = this;
    const invoice = this.invoice;
    if (this.loadState === 'failed' && !invoice) {
      return html`<div class="notice bad" role="alert">
        <p>${t.failed}</p>
        <button class="button" type="button" @click=${() => void this.load()}>${t.retry}</button>
      </div>`;
    }
    if (!invoice) return html`<p class="muted" role="status">${t.loading}</p>`;
    return html`<article class="invoice" part="invoice" aria-labelledby="invoice-title">
      <div class="head">
        <div
          class="title"
          id="invoice-title"
          role="heading"
          aria-level=${this.headingLevel}
          tabindex="-1"
          ?data-focus=${this.step === 'document'}
        >
          ${t.invoice(invoice.number)}
        </div>
        ${renderStatus(t, invoice)}
      </div>
      ${renderDocument(
        {
          t,
          f: this.formats,
          business: this.business,
          resolve: (path) => this.api.resolve(path),
        },
        invoice,
      )}
      ${this.renderStep(invoice)}
    </article>`;
  }

  private renderStep(invoice: PortalInvoiceDocument): TemplateResult {
    const { t } = this;
    if (this.step === 'ask') return this.renderAsk(invoice);
    const sent =
      this.step === 'sent'
        ? html`<div class="notice good" role="status">
            <p class="strong" tabindex="-1" data-focus>${t.sentTitle}</p>
            <p>${t.sentBody(this.business?.name ?? '')}</p>
          </div>`
        : nothing;
    return html`${sent}
      <div class="actions" part="actions">
        <a
          class="button"
          href=${this.api.resolve(invoice.pdf_url)}
          target="_blank"
          rel="noopener"
          aria-label=${t.downloadLabel(invoice.number)}
          >${t.download}</a
        >
        <button class="button" type="button" @click=${() => window.print()}>${t.print}</button>
        <button class="button" type="button" @click=${this.openAsk}>
          ${this.step === 'sent' ? t.askAnother : t.ask}
        </button>
      </div>`;
  }

  private renderAsk(invoice: PortalInvoiceDocument): TemplateResult {
    const { t } = this;
    return renderQuestionForm({
      formClass: 'ask',
      heading: html`<div class="subtitle" role="heading" aria-level=${this.headingLevel + 1} tabindex="-1" data-focus>
        ${t.askTitle(invoice.number)}
      </div>`,
      label: t.message,
      message: this.message,
      error: this.error,
      errorId: 'ask-error',
      busy: this.busy,
      send: t.send,
      sending: t.sending,
      back: t.cancel,
      typed: (message) => {
        this.message = message;
        this.error = '';
      },
      submit: () => void this.send(),
      leave: () => this.go('document'),
    });
  }

  private go(step: Step): void {
    this.error = '';
    this.step = step;
  }

  private openAsk = (): void => this.go('ask');

  private send = async (): Promise<void> => {
    if (this.busy) return;
    const { t } = this;
    const message = this.message.trim();
    if (!message) {
      this.error = t.messageRequired;
      return;
    }
    this.busy = true;
    try {
      const sent = await this.api.ask(message);
      this.message = '';
      this.go('sent');
      this.dispatchEvent(
        new CustomEvent<InvoiceQuestionDetail>('pay-portal-invoice-question', {
          detail: { invoice: sent.invoice, question: sent.id },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      this.error =
        error instanceof InvoiceApiError && error.status === 429 ? t.tooMany : t.sendFailed;
    } finally {
      this.busy = false;
    }
  };
}
