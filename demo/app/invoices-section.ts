/**
 * A customer's invoices: number, status, total, amount due, due date; an invoice link for an open
 * one, its PDF, and voiding, which asks first, naming the invoice and what follows; a new invoice,
 * a draft edited or an invoice duplicated in the editor (demo/app/invoice-editor.ts). Fires
 * `create-link` with the invoice's id, and `invoice-changed` after a void or a save.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Invoice } from '../../shared/api/staff.ts';
import type { DemoConfirmDialog } from './confirm-dialog.ts';
import './confirm-dialog.ts';
import './file-button.ts';
import './invoice-editor.ts';
import './invoice-activity.ts';
import { todayIn } from '../../shared/calendar.ts';
import { type MoneyContext, money } from './format.ts';
import { type DraftText, draftFrom } from './invoice-draft.ts';
import { invoicesSectionStyles } from './invoices-section.styles.ts';
import type { StaffApi } from './staff-api.ts';
import { demoStyles } from './styles.ts';

const OPEN = new Set(['open', 'viewed', 'partially_paid']);

/**
 * The invoice list's filter (issue 15): by status, and overdue (open past its due date, on the
 * business's calendar: settings.time_zone).
 */
type Show = 'all' | 'open' | 'overdue' | 'paid' | 'void' | 'draft';
const SHOW: { id: Show; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'open', label: 'Open' },
  { id: 'overdue', label: 'Overdue' },
  { id: 'paid', label: 'Paid' },
  { id: 'void', label: 'Void' },
  { id: 'draft', label: 'Draft' },
];

function shown(invoice: Invoice, show: Show, today: string): boolean {
  if (show === 'all') return true;
  if (show === 'open') return OPEN.has(invoice.status);
  if (show === 'overdue') {
    return OPEN.has(invoice.status) && invoice.due_date !== null && invoice.due_date < today;
  }
  return invoice.status === show;
}
/** Once a payment was applied, the server refuses a void (409 invoice_has_payments). */
const VOIDABLE = new Set(['draft', 'open', 'viewed']);

@customElement('demo-invoices')
export class DemoInvoices extends LitElement {
  static override styles = [demoStyles, invoicesSectionStyles];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) at!: MoneyContext;
  @property({ attribute: false }) invoices: Invoice[] = [];
  @property({ attribute: 'customer-name' }) customerName = '';
  @property() customer = '';
  /** The editor, when open: what it shows and the draft it saves to (null: a new invoice). */
  @state() private editor: { heading: string; editing: Invoice | null; draft: DraftText } | null =
    null;
  @state() private voiding: Invoice | null = null;
  @state() private show: Show = 'all';
  /** The invoice whose activity is open (demo/app/invoice-activity.ts). */
  @state() private activityOf: string | null = null;
  @state() private message = '';
  @state() private failed = false;
  @query('#void-dialog') private voidDialog!: DemoConfirmDialog;

  private get visible(): Invoice[] {
    // The business's today, not UTC's (shared/calendar.ts).
    const today = todayIn(this.at.timeZone ?? 'UTC');
    return this.invoices.filter((invoice) => shown(invoice, this.show, today));
  }

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

  private openEditor(heading: string, editing: Invoice | null, source: Invoice | null): void {
    // A duplicate starts without the original's due date: it is a new bill.
    this.editor = { heading, editing, draft: draftFrom(source, this.at, editing !== null) };
    this.message = '';
  }

  private renderEditor() {
    const editor = this.editor;
    if (!editor) return nothing;
    return html`<demo-invoice-editor
      .api=${this.api}
      .at=${this.at}
      customer=${this.customer}
      heading=${editor.heading}
      .editing=${editor.editing}
      .draft=${editor.draft}
      @invoice-saved=${(event: CustomEvent<string>) => {
        this.editor = null;
        this.failed = false;
        this.message = event.detail;
        this.emit('invoice-changed');
      }}
      @editor-closed=${() => {
        this.editor = null;
      }}
    ></demo-invoice-editor>`;
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

  /**
   * The invoices as a table; a card each where the list is narrow (invoices-section.styles.ts),
   * with explicit roles so it stays a table for screen readers there too.
   */
  private renderTable() {
    return html`<div class="table-wrap invoices"><table role="table">
      <thead role="rowgroup"><tr role="row"><th role="columnheader">Number</th>
        <th role="columnheader">Status</th><th role="columnheader" class="num">Total</th>
        <th role="columnheader" class="num">Due</th><th role="columnheader">Due date</th>
        <th role="columnheader"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody role="rowgroup">${this.visible.map((invoice) => this.renderInvoice(invoice))}</tbody>
    </table></div>`;
  }

  /** One invoice's row (its `data-label`s name the figures on a card), and its activity when open. */
  private renderInvoice(invoice: Invoice) {
    const at = this.at;
    const open = this.activityOf === invoice.id;
    return html`<tr role="row" class="invoice ${open ? 'open' : ''}">
        <td role="cell" class="number">${invoice.number}</td>
        <td role="cell"><span class="chip ${invoice.status}">${invoice.status.replace('_', ' ')}</span></td>
        <td role="cell" class="num fact" data-label="Total">${money(invoice.total, at)}</td>
        <td role="cell" class="num fact" data-label="Amount due">${money(invoice.amount_due, at)}</td>
        <td role="cell" class="date fact" data-label="Due date">${invoice.due_date ?? '—'}</td>
        <td role="cell" class="actions"><span class="row">${
          OPEN.has(invoice.status)
            ? html`<button type="button" @click=${() => this.emit('create-link', invoice.id)}>
              Invoice link</button>`
            : nothing
        }${
          invoice.status === 'draft'
            ? nothing
            : html`<demo-file-button .api=${this.api} path="/v1/invoices/${invoice.id}/pdf"
              filename="${invoice.number}.pdf" label="PDF"></demo-file-button>`
        }${
          invoice.status === 'draft'
            ? html`<button type="button" aria-label="Edit ${invoice.number}"
              @click=${() => this.openEditor(`Edit ${invoice.number} (draft)`, invoice, invoice)}>Edit</button>`
            : nothing
        }<button type="button" aria-label="Duplicate ${invoice.number}"
          @click=${() => this.openEditor(`New invoice (a copy of ${invoice.number})`, null, invoice)}>Duplicate</button>
        <button type="button" aria-expanded=${open ? 'true' : 'false'}
          aria-label="Activity of ${invoice.number}"
          @click=${() => {
            this.activityOf = open ? null : invoice.id;
          }}>Activity</button>${
            VOIDABLE.has(invoice.status)
              ? html`<button type="button" class="danger"
              aria-label="Void ${invoice.number}" @click=${() => this.void(invoice)}>Void</button>`
              : nothing
          }</span></td>
      </tr>${
        open
          ? html`<tr role="row" class="activity"><td role="cell" colspan="6"><demo-invoice-activity
              .api=${this.api} .at=${at} invoice=${invoice.id} number=${invoice.number}
            ></demo-invoice-activity></td></tr>`
          : nothing
      }`;
  }

  override render() {
    return html`<section class="card" aria-labelledby="invoices-title">
      <div class="row" style="justify-content: space-between; align-items: center">
        <h2 id="invoices-title">Invoices</h2>
        <button type="button" class="primary" @click=${() => this.openEditor('New invoice', null, null)}>
          New invoice
        </button>
      </div>
      ${this.renderEditor()}
      <label class="filter"
        >Show
        <select
          @change=${(event: Event) => {
            this.show = (event.target as HTMLSelectElement).value as Show;
          }}
        >
          ${SHOW.map((option) => html`<option value=${option.id} ?selected=${option.id === this.show}>${option.label}</option>`)}
        </select></label
      >
      ${
        this.message
          ? html`<p class=${this.failed ? 'error' : 'ok'} role="status">${this.message}</p>`
          : nothing
      }
      ${
        this.invoices.length === 0
          ? html`<p class="muted">No invoices yet.</p>`
          : this.visible.length === 0
            ? html`<p class="muted">No ${SHOW.find((s) => s.id === this.show)!.label.toLowerCase()} invoices.</p>`
            : this.renderTable()
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
