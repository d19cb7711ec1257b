/**
 * A customer's invoices: number, status, total, amount due, due date; an invoice link for an open
 * one, its PDF, and voiding, which asks first, naming the invoice and what follows. Fires
 * `create-link` with the invoice's id, and `invoice-changed` after a void.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Invoice } from '../../shared/api/staff.ts';
import type { DemoConfirmDialog } from './confirm-dialog.ts';
import './confirm-dialog.ts';
import './file-button.ts';
import './invoice-activity.ts';
import { type MoneyContext, money } from './format.ts';
import type { StaffApi } from './staff-api.ts';
import { demoStyles } from './styles.ts';

const OPEN = new Set(['open', 'viewed', 'partially_paid']);
/** Once a payment was applied, the server refuses a void (409 invoice_has_payments). */
const VOIDABLE = new Set(['draft', 'open', 'viewed']);

@customElement('demo-invoices')
export class DemoInvoices extends LitElement {
  static override styles = demoStyles;

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) at!: MoneyContext;
  @property({ attribute: false }) invoices: Invoice[] = [];
  @property({ attribute: 'customer-name' }) customerName = '';
  @state() private voiding: Invoice | null = null;
  /** The invoice whose activity is open (demo/app/invoice-activity.ts). */
  @state() private activityOf: string | null = null;
  @state() private message = '';
  @state() private failed = false;
  @query('#void-dialog') private voidDialog!: DemoConfirmDialog;

  private emit(name: string, detail?: string): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private async void(invoice: Invoice): Promise<void> {
    this.voiding = invoice;
    const confirmed = await this.voidDialog.ask();
    this.voiding = null;
    if (!confirmed) return;
    try {
      await this.api.post(`/v1/invoices/${invoice.id}/void`);
      this.failed = false;
      this.message = `${invoice.number} is void.`;
      this.emit('invoice-changed');
    } catch (error) {
      this.failed = true;
      this.message = (error as Error).message;
    }
  }

  private renderVoid() {
    const invoice = this.voiding;
    if (!invoice) return nothing;
    const at = this.at;
    return html`<p>
        ${invoice.number} for ${this.customerName}, ${money(invoice.total, at)}
        (${money(invoice.amount_due, at)} due).
      </p>
      <ul>
        <li>
          ${money(invoice.amount_due, at)} comes off ${this.customerName}’s balance: it is no
          longer owed.
        </li>
        ${
          invoice.amount_credited > 0
            ? html`<li>${money(invoice.amount_credited, at)} of account credit applied to it goes
              back to the account.</li>`
            : nothing
        }
        <li>Its invoice link stops working; the customer can no longer pay it.</li>
        <li>A void invoice cannot be reopened; make a new one if it was a mistake.</li>
      </ul>`;
  }

  override render() {
    const at = this.at;
    return html`<section class="card" aria-labelledby="invoices-title">
      <h2 id="invoices-title">Invoices</h2>
      ${
        this.message
          ? html`<p class=${this.failed ? 'error' : 'ok'} role="status">${this.message}</p>`
          : nothing
      }
      ${
        this.invoices.length === 0
          ? html`<p class="muted">No invoices yet.</p>`
          : html`<div class="table-wrap"><table>
            <thead><tr><th>Number</th><th>Status</th><th class="num">Total</th>
              <th class="num">Due</th><th>Due date</th><th></th></tr></thead>
            <tbody>${this.invoices.map(
              (invoice) => html`<tr>
                <td>${invoice.number}</td>
                <td><span class="chip ${invoice.status}">${invoice.status.replace('_', ' ')}</span></td>
                <td class="num">${money(invoice.total, at)}</td>
                <td class="num">${money(invoice.amount_due, at)}</td>
                <td>${invoice.due_date ?? '—'}</td>
                <td><span class="row">${
                  OPEN.has(invoice.status)
                    ? html`<button type="button" @click=${() => this.emit('create-link', invoice.id)}>
                      Invoice link</button>`
                    : nothing
                }${
                  invoice.status === 'draft'
                    ? nothing
                    : html`<demo-file-button .api=${this.api} path="/v1/invoices/${invoice.id}/pdf"
                      filename="${invoice.number}.pdf" label="PDF"></demo-file-button>`
                }<button type="button" aria-expanded=${this.activityOf === invoice.id ? 'true' : 'false'}
                  aria-label="Activity of ${invoice.number}"
                  @click=${() => {
                    this.activityOf = this.activityOf === invoice.id ? null : invoice.id;
                  }}>Activity</button>${
                    VOIDABLE.has(invoice.status)
                      ? html`<button type="button" class="danger"
                      aria-label="Void ${invoice.number}" @click=${() => this.void(invoice)}>Void</button>`
                      : nothing
                  }</span></td>
              </tr>${
                this.activityOf === invoice.id
                  ? html`<tr><td colspan="6"><demo-invoice-activity .api=${this.api} .at=${at}
                      invoice=${invoice.id} number=${invoice.number}></demo-invoice-activity></td></tr>`
                  : nothing
              }`,
            )}</tbody></table></div>`
      }
      <demo-confirm-dialog
        id="void-dialog"
        heading="Void ${this.voiding?.number ?? 'invoice'}?"
        confirm-label="Void invoice"
        danger
        >${this.renderVoid()}</demo-confirm-dialog
      >
    </section>`;
  }
}
