/**
 * The invoice editor (issue 15): any number of lines (description, quantity, unit price, tax
 * rate), a discount (issue 11: amount or percent off, before tax), a due date and notes, with the figures as the server will compute them; saved as a draft
 * (nothing owed yet) or issued (its lines go onto the balance). Opens empty, on a draft to edit,
 * or on a copy of an invoice (duplicate). Each field's mistake is shown beside it, in words. A
 * line's fields are drawn by invoice-line-fields.ts, the discount's by invoice-discount-fields.ts.
 * Fires `invoice-saved` (detail: what happened, in a sentence) and `editor-closed`.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DraftInvoiceChanges, Invoice } from '../../shared/api/staff.ts';
import { type MoneyContext, money } from './format.ts';
import { discountFieldStyles, renderDiscountFields } from './invoice-discount-fields.ts';
import {
  type DiscountText,
  type DraftText,
  emptyLine,
  type FieldErrors,
  type LineText,
  noDiscount,
  readDraft,
} from './invoice-draft.ts';
import { lineFieldStyles, renderLineFields } from './invoice-line-fields.ts';
import { type StaffApi, StaffApiError } from './staff-api.ts';
import { staffName } from './staff-name.ts';
import { demoStyles } from './styles.ts';

const SERVER_FIELDS: Record<string, string> = {
  description: 'description',
  quantity: 'quantity',
  unit_amount: 'price',
  tax_rate: 'taxRate',
};

/** The API's `param` (`lines[1].unit_amount`) as the editor's field name (`lines.1.price`). */
function fieldOf(param: string | null): string {
  const line = param?.match(/^lines\[(\d+)\]\.(\w+)$/);
  if (line) return `lines.${line[1]}.${SERVER_FIELDS[line[2]!] ?? line[2]}`;
  if (param === 'due_date') return 'dueDate';
  if (param?.startsWith('discount')) {
    return param === 'discount.description' ? 'discount.description' : 'discount.value';
  }
  return param ?? 'form';
}

@customElement('demo-invoice-editor')
export class DemoInvoiceEditor extends LitElement {
  static override styles = [
    demoStyles,
    discountFieldStyles,
    lineFieldStyles,
    css`
      .field-error {
        color: #b91c1c;
        font-size: 0.8125rem;
      }
      [aria-invalid='true'] {
        border-color: #b91c1c;
      }
      .meta {
        display: grid;
        grid-template-columns: 12rem minmax(0, 1fr);
        gap: 12px;
        margin-top: 12px;
      }
      dl {
        display: grid;
        grid-template-columns: auto auto;
        justify-content: end;
        gap: 4px 16px;
        margin: 12px 0;
        font-variant-numeric: tabular-nums;
      }
      dt {
        color: var(--muted);
      }
      dd {
        margin: 0;
        text-align: right;
      }
      dt.total,
      dd.total {
        font-weight: 700;
        color: inherit;
      }
      @media (max-width: 700px) {
        .meta {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) at!: MoneyContext;
  @property() customer = '';
  /** The draft being edited; null for a new invoice (empty or a duplicate's copy). */
  @property({ attribute: false }) editing: Invoice | null = null;
  @property({ attribute: false }) draft: DraftText = {
    lines: [emptyLine()],
    dueDate: '',
    notes: '',
    discount: noDiscount(),
  };
  @property() heading = 'New invoice';
  @state() private shown: FieldErrors = new Map();
  @state() private busy = false;

  private change(update: (draft: DraftText) => DraftText): void {
    this.draft = update(this.draft);
    // A corrected field loses its mistake at once; new ones wait for the next save.
    const now = readDraft(this.draft, this.at).errors;
    this.shown = new Map([...this.shown].filter(([field]) => now.has(field)));
  }

  private setLine(index: number, field: keyof LineText, value: string): void {
    this.change((draft) => ({
      ...draft,
      lines: draft.lines.map((line, i) => (i === index ? { ...line, [field]: value } : line)),
    }));
  }

  private async save(issue: boolean): Promise<void> {
    const read = readDraft(this.draft, this.at);
    this.shown = read.errors;
    if (read.errors.size > 0) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const changes: DraftInvoiceChanges = {
      lines: read.lines,
      discount: read.discountInput,
      due_date: this.draft.dueDate || null,
      notes: this.draft.notes.trim() || null,
    };
    this.busy = true;
    try {
      let invoice: Invoice;
      if (this.editing) {
        invoice = await this.api.patch<Invoice>(`/v1/invoices/${this.editing.id}`, changes);
        if (issue) invoice = await this.api.post<Invoice>(`/v1/invoices/${invoice.id}/finalize`);
      } else {
        invoice = await this.api.post<Invoice>('/v1/invoices', {
          customer: this.customer,
          ...changes,
          draft: !issue,
          added_by_name: staffName(),
        });
      }
      const total = money(invoice.total, this.at);
      this.emit(
        'invoice-saved',
        issue
          ? `${invoice.number} issued: ${total} added to the balance.`
          : `${invoice.number} saved as a draft (${total}); nothing is owed until it is issued.`,
      );
    } catch (error) {
      const body = error instanceof StaffApiError ? error.body : null;
      this.shown = new Map([[fieldOf(body?.param ?? null), body?.message ?? String(error)]]);
    } finally {
      this.busy = false;
    }
  }

  private emit(name: string, detail?: string): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /** An input's mistake, linked to it for screen readers. */
  private error(field: string) {
    const message = this.shown.get(field);
    return message
      ? html`<span class="field-error" id="error-${field.replaceAll('.', '-')}">${message}</span>`
      : nothing;
  }

  private invalid(field: string) {
    return this.shown.has(field)
      ? { 'aria-invalid': 'true', describedby: `error-${field.replaceAll('.', '-')}` }
      : { 'aria-invalid': 'false', describedby: '' };
  }

  private setDiscount(field: keyof DiscountText, value: string): void {
    this.change((draft) => ({ ...draft, discount: { ...draft.discount, [field]: value } }));
  }

  override render() {
    const read = readDraft(this.draft, this.at);
    const at = this.at;
    const due = this.invalid('dueDate');
    return html`<section class="card" aria-labelledby="editor-title">
      <h2 id="editor-title">${this.heading}</h2>
      ${this.draft.lines.map((line, index) =>
        renderLineFields({
          line,
          index,
          amount: read.amounts[index] ?? null,
          at,
          removable: this.draft.lines.length > 1,
          invalid: (field) => this.invalid(field),
          error: (field) => this.error(field),
          set: (field, value) => this.setLine(index, field, value),
          remove: () =>
            this.change((draft) => ({
              ...draft,
              lines: draft.lines.filter((_, i) => i !== index),
            })),
        }),
      )}
      <button
        type="button"
        @click=${() => this.change((draft) => ({ ...draft, lines: [...draft.lines, emptyLine()] }))}
      >
        Add line
      </button>
      ${this.error('lines')}
      <div class="meta">
        <label
          >Due date
          <input
            type="date"
            name="due_date"
            aria-invalid=${due['aria-invalid']}
            aria-describedby=${due.describedby || nothing}
            .value=${this.draft.dueDate}
            @input=${(event: InputEvent) =>
              this.change((draft) => ({
                ...draft,
                dueDate: (event.target as HTMLInputElement).value,
              }))}
          />${this.error('dueDate')}</label
        >
        <label
          >Notes (printed on the invoice)
          <textarea
            name="notes"
            rows="2"
            .value=${this.draft.notes}
            @input=${(event: InputEvent) =>
              this.change((draft) => ({
                ...draft,
                notes: (event.target as HTMLTextAreaElement).value,
              }))}
          ></textarea
          >${this.error('notes')}</label
        >
      </div>
      ${renderDiscountFields({
        discount: this.draft.discount,
        invalid: (field) => this.invalid(field),
        error: (field) => this.error(field),
        set: (field, value) => this.setDiscount(field, value),
      })}
      <dl aria-label="Totals">
        <dt>Subtotal</dt>
        <dd>${money(read.subtotal, at)}</dd>
        ${
          read.discount > 0
            ? html`<dt>Discount</dt>
                <dd data-testid="editor-discount">${money(-read.discount, at)}</dd>`
            : nothing
        }
        <dt>Tax</dt>
        <dd>${money(read.tax, at)}</dd>
        <dt class="total">Total</dt>
        <dd class="total" data-testid="editor-total">${money(read.total, at)}</dd>
      </dl>
      ${this.error('form')}
      <div class="row">
        <button type="button" ?disabled=${this.busy} @click=${() => this.save(false)}>
          Save draft
        </button>
        <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.save(true)}>
          Issue invoice
        </button>
        <button type="button" @click=${() => this.emit('editor-closed')}>Cancel</button>
      </div>
      <p class="muted">
        A draft is owed by no one and can be changed; issuing adds its total to the balance.
      </p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-invoice-editor': DemoInvoiceEditor;
  }
}
