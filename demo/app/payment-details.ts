/**
 * One payment in full (issue 15: "a payment's details"): what it paid (each invoice, the
 * account), the tip, the card fee and the total; the method; the link it came through; its
 * refunds with their reasons; a dispute; and the receipt as a PDF. `show(payment)` opens it as
 * a modal dialog; Escape or Close shuts it.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Invoice, Payment } from '../../shared/api/staff.ts';
import './file-button.ts';
import { type MoneyContext, money, when } from './format.ts';
import { paymentMethodText } from './refund-figures.ts';
import type { StaffApi } from './staff-api.ts';
import { demoStyles } from './styles.ts';

@customElement('demo-payment-details')
export class DemoPaymentDetails extends LitElement {
  static override styles = [
    demoStyles,
    css`
      dialog {
        border: 1px solid var(--border);
        border-radius: 12px;
        padding: 20px;
        width: min(34rem, calc(100vw - 24px));
        box-shadow: 0 20px 40px rgb(0 0 0 / 20%);
      }
      dialog::backdrop {
        background: rgb(17 24 39 / 45%);
      }
      dl {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 4px 16px;
        margin: 0 0 12px;
        font-variant-numeric: tabular-nums;
      }
      dt {
        color: var(--muted);
      }
      dd {
        margin: 0;
        text-align: right;
      }
      .total {
        font-weight: 700;
        color: inherit;
      }
      ul {
        padding-left: 1.25rem;
        margin: 0 0 12px;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 8px;
        margin-top: 16px;
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) at!: MoneyContext;
  @property({ attribute: 'customer-name' }) customerName = '';
  @state() private payment: Payment | null = null;
  @state() private numbers = new Map<string, string>();
  @query('dialog') private dialog!: HTMLDialogElement;

  async show(payment: Payment): Promise<void> {
    this.payment = payment;
    await this.updateComplete;
    this.dialog.showModal();
    const found = await Promise.all(
      payment.invoices.map((line) =>
        this.api.get<Invoice>(`/v1/invoices/${line.invoice}`).catch(() => null),
      ),
    );
    this.numbers = new Map(found.filter((i) => i !== null).map((i) => [i.id, i.number]));
  }

  private close(): void {
    this.dialog.close();
    this.payment = null;
  }

  private renderBody(p: Payment) {
    const at = this.at;
    const invoiced = p.invoices.reduce((sum, line) => sum + line.amount, 0);
    const title = p.receipt_number ?? 'Payment';
    return html`<h2 id="details-title">${title}, ${this.customerName}</h2>
      <p class="muted">
        ${when(p.created, at.locale)} · <span class="chip ${p.status}">${p.status.replaceAll('_', ' ')}</span>
        ${p.provider === 'sandbox' ? html`<span class="chip">test</span>` : nothing}
      </p>
      <dl aria-label="Amounts">
        ${p.invoices.map(
          (line) => html`<dt>Invoice ${this.numbers.get(line.invoice) ?? line.invoice}</dt>
            <dd>${money(line.amount, at)}</dd>`,
        )}
        ${p.subtotal > invoiced ? html`<dt>To the account</dt><dd>${money(p.subtotal - invoiced, at)}</dd>` : nothing}
        <dt>Tip</dt>
        <dd>${money(p.tip, at)}</dd>
        <dt>Card fee</dt>
        <dd>${money(p.fee, at)}</dd>
        <dt class="total">Total charged</dt>
        <dd class="total">${money(p.amount, at)}</dd>
        ${p.amount_refunded ? html`<dt>Refunded</dt><dd>${money(-p.amount_refunded, at)}</dd>` : nothing}
      </dl>
      <dl aria-label="How it was paid">
        <dt>Method</dt>
        <dd>${paymentMethodText(p)}${p.funding ? ` (${p.funding})` : ''}</dd>
        <dt>Through</dt>
        <dd>${p.payment_link ? `Payment link ${p.payment_link}` : 'No link'}</dd>
        ${p.failure ? html`<dt>Failure</dt><dd>${p.failure.message}</dd>` : nothing}
        ${p.dispute ? html`<dt>Dispute</dt><dd>${p.dispute.status.replaceAll('_', ' ')}: ${money(p.dispute.amount, at)} (${p.dispute.reason.replaceAll('_', ' ')})</dd>` : nothing}
      </dl>
      <h3>Refunds</h3>
      ${
        p.refunds.length === 0
          ? html`<p class="muted">None.</p>`
          : html`<ul>
              ${p.refunds.map(
                (refund) => html`<li>
                  ${money(refund.amount, at)} on ${when(refund.created, at.locale)}, ${refund.status}${
                    refund.reason ? html` · “${refund.reason}”` : nothing
                  }${refund.failure_message ? html` · ${refund.failure_message}` : nothing}
                </li>`,
              )}
            </ul>`
      }`;
  }

  override render() {
    const p = this.payment;
    return html`<dialog
      aria-labelledby="details-title"
      @cancel=${(event: Event) => {
        event.preventDefault();
        this.close();
      }}
    >
      ${p ? this.renderBody(p) : nothing}
      <div class="actions">
        ${
          p?.status === 'succeeded' && p.receipt_number
            ? html`<demo-file-button
                .api=${this.api}
                path="/v1/payments/${p.id}/receipt.pdf"
                filename="receipt-${p.receipt_number}.pdf"
                label="Receipt PDF"
              ></demo-file-button>`
            : html`<span></span>`
        }
        <button type="button" @click=${() => this.close()}>Close</button>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-payment-details': DemoPaymentDetails;
  }
}
