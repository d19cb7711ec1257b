/** Add a charge, a credit or an invoice to a customer's account. Fires `billed` on success. */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { type MoneyContext, typedMoney } from './format.ts';
import type { StaffApi } from './staff-api.ts';
import { staffName } from './staff-name.ts';
import { demoStyles } from './styles.ts';

type Kind = 'charge' | 'credit' | 'invoice';

@customElement('demo-billing-forms')
export class DemoBillingForms extends LitElement {
  static override styles = [
    demoStyles,
    css`
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        margin-bottom: 10px;
      }
      [role='tab'][aria-selected='true'] {
        background: #ecfeff;
        border-color: var(--accent);
      }
      form {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(140px, 1fr));
        gap: 8px;
        align-items: end;
      }
      form .wide {
        grid-column: 1 / -1;
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) at!: MoneyContext;
  @property() customer = '';
  @state() private kind: Kind = 'charge';
  @state() private message = '';
  @state() private failed = false;

  private amount(data: FormData, name: string): number {
    const amount = typedMoney(String(data.get(name) ?? ''), this.at);
    if (amount === null) throw new Error(`Type ${name.replace('_', ' ')} as money, e.g. 85.00`);
    return amount;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    try {
      if (this.kind === 'charge') {
        await this.api.post(`/v1/customers/${this.customer}/charges`, {
          amount: this.amount(data, 'amount'),
          tax: text('tax') ? this.amount(data, 'tax') : 0,
          description: text('description'),
          ...(text('date') ? { date: text('date') } : {}),
          added_by_name: staffName(),
        });
      } else if (this.kind === 'credit') {
        await this.api.post(`/v1/customers/${this.customer}/credits`, {
          amount: this.amount(data, 'amount'),
          description: text('description'),
          added_by_name: staffName(),
        });
      } else {
        await this.api.post('/v1/invoices', {
          customer: this.customer,
          lines: [
            {
              description: text('description'),
              quantity: Number(text('quantity') || '1'),
              unit_amount: this.amount(data, 'unit_amount'),
              tax_rate: Math.round(Number(text('tax_rate') || '0') * 100),
            },
          ],
          ...(text('due_date') ? { due_date: text('due_date') } : {}),
          added_by_name: staffName(),
        });
      }
      form.reset();
      this.failed = false;
      this.message = `${this.kind[0]!.toUpperCase()}${this.kind.slice(1)} added.`;
      this.dispatchEvent(new CustomEvent('billed', { bubbles: true, composed: true }));
    } catch (error) {
      this.failed = true;
      this.message = (error as Error).message;
    }
  }

  override render() {
    const tab = (kind: Kind, label: string) =>
      html`<button
        type="button"
        role="tab"
        aria-selected=${this.kind === kind ? 'true' : 'false'}
        @click=${() => {
          this.kind = kind;
          this.message = '';
        }}
      >
        ${label}
      </button>`;
    return html`<div role="tablist" aria-label="Add to the account">
        ${tab('charge', 'Add charge')} ${tab('credit', 'Add credit')}
        ${tab('invoice', 'Quick invoice')}
      </div>
      <form @submit=${this.submit} aria-label=${`Add ${this.kind}`}>
        ${this.renderFields()}
        <button class="primary" type="submit">
          ${this.kind === 'invoice' ? 'Create invoice' : `Add ${this.kind}`}
        </button>
        ${
          this.message
            ? html`<p class="wide ${this.failed ? 'error' : 'ok'}" role="status">${this.message}</p>`
            : nothing
        }
      </form>`;
  }

  private renderFields() {
    const description = html`<label class="wide"
      >Description <input name="description" required maxlength="500"
    /></label>`;
    if (this.kind === 'charge') {
      return html`${description}
        <label>Amount <input name="amount" inputmode="decimal" required placeholder="85.00" /></label>
        <label>Tax <input name="tax" inputmode="decimal" placeholder="0.00" /></label>
        <label>Date <input name="date" type="date" /></label>`;
    }
    if (this.kind === 'credit') {
      return html`${description}
        <label>Amount <input name="amount" inputmode="decimal" required placeholder="12.50" /></label>`;
    }
    return html`${description}
      <label>Quantity <input name="quantity" type="number" min="1" value="1" /></label>
      <label
        >Unit price <input name="unit_amount" inputmode="decimal" required placeholder="420.00"
      /></label>
      <label>Tax rate % <input name="tax_rate" inputmode="decimal" placeholder="7" /></label>
      <label>Due date <input name="due_date" type="date" /></label>`;
  }
}
