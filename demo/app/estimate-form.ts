/**
 * A new estimate for a customer: lines (description, quantity, unit price, tax rate), the last
 * day it can be approved, an optional deposit (a percentage of the total or a fixed amount) and
 * terms. The server computes every figure. Fires `estimate-created` with the estimate.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Estimate } from '../../shared/api/staff.ts';
import { type MoneyContext, typedMoney } from './format.ts';
import type { StaffApi } from './staff-api.ts';
import { demoStyles } from './styles.ts';

type DepositKind = 'none' | 'percent' | 'amount';

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

let nextLine = 0;

@customElement('demo-estimate-form')
export class DemoEstimateForm extends LitElement {
  static override styles = [
    demoStyles,
    css`
      form {
        display: grid;
        gap: 12px;
      }
      fieldset {
        /* A fieldset is as wide as its content by default: let it shrink to a phone's width. */
        min-width: 0;
        border: 1px solid var(--border);
        border-radius: 8px;
        margin: 0;
        padding: 8px 10px 10px;
        display: grid;
        grid-template-columns: minmax(0, 3fr) repeat(3, minmax(0, 1fr)) auto;
        gap: 8px;
        align-items: end;
      }
      legend {
        font-size: 0.8125rem;
        font-weight: 600;
        padding: 0 4px;
      }
      .settings {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(150px, 1fr));
        gap: 8px;
        align-items: end;
      }
      textarea {
        min-height: 3.5rem;
        resize: vertical;
      }
      @media (max-width: 640px) {
        fieldset {
          grid-template-columns: repeat(3, minmax(0, 1fr));
        }
        fieldset .description {
          grid-column: 1 / -1;
        }
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) at!: MoneyContext;
  @property() customer = '';
  @state() private lines: number[] = [nextLine++];
  @state() private depositKind: DepositKind = 'none';
  @state() private message = '';

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const money = (name: string, label: string) => {
      const amount = typedMoney(text(name), this.at);
      if (amount === null) throw new Error(`Type the ${label} as money, e.g. 420.00`);
      return amount;
    };
    try {
      const lines = this.lines.map((key, index) => ({
        description: text(`description-${key}`),
        quantity: Number(text(`quantity-${key}`) || '1'),
        unit_amount: money(`unit_amount-${key}`, `unit price of line ${index + 1}`),
        tax_rate: Math.round(Number(text(`tax_rate-${key}`) || '0') * 100),
      }));
      const deposit =
        this.depositKind === 'percent'
          ? { deposit_percent: Number(text('deposit_percent')) }
          : this.depositKind === 'amount'
            ? { deposit_amount: money('deposit_amount', 'deposit') }
            : {};
      const estimate = await this.api.post<Estimate>('/v1/estimates', {
        customer: this.customer,
        lines,
        valid_until: text('valid_until'),
        ...deposit,
        ...(text('terms') ? { terms: text('terms') } : {}),
      });
      form.reset();
      this.lines = [nextLine++];
      this.depositKind = 'none';
      this.message = '';
      this.dispatchEvent(
        new CustomEvent<Estimate>('estimate-created', {
          detail: estimate,
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      this.message = (error as Error).message;
    }
  }

  override render() {
    return html`<form @submit=${this.submit} aria-label="New estimate">
      ${this.lines.map((key, index) => this.renderLine(key, index))}
      <div class="row">
        <button type="button" @click=${() => {
          this.lines = [...this.lines, nextLine++];
        }}>Add line</button>
      </div>
      <div class="settings">
        <label>Valid until
          <input name="valid_until" type="date" required min=${inDays(0)} value=${inDays(30)} />
        </label>
        <label>Deposit
          <select name="deposit_kind" @change=${(event: Event) => {
            this.depositKind = (event.target as HTMLSelectElement).value as DepositKind;
          }}>
            <option value="none" ?selected=${this.depositKind === 'none'}>No deposit</option>
            <option value="percent" ?selected=${this.depositKind === 'percent'}>Percent of total</option>
            <option value="amount" ?selected=${this.depositKind === 'amount'}>Fixed amount</option>
          </select>
        </label>
        ${
          this.depositKind === 'percent'
            ? html`<label>Deposit %
              <input name="deposit_percent" type="number" min="0" max="100" step="1" required
                placeholder="25" /></label>`
            : this.depositKind === 'amount'
              ? html`<label>Deposit amount
                <input name="deposit_amount" inputmode="decimal" required placeholder="500.00" /></label>`
              : nothing
        }
      </div>
      <label>Terms <textarea name="terms" maxlength="5000"
        placeholder="Work starts within two weeks of approval."></textarea></label>
      ${this.message ? html`<p class="error" role="alert">${this.message}</p>` : nothing}
      <div class="row">
        <button class="primary" type="submit">Create estimate</button>
        <button type="button" @click=${() =>
          this.dispatchEvent(
            new CustomEvent('estimate-cancel', { bubbles: true, composed: true }),
          )}>
          Cancel
        </button>
      </div>
    </form>`;
  }

  private renderLine(key: number, index: number) {
    return html`<fieldset>
      <legend>Line ${index + 1}</legend>
      <label class="description">Description
        <input name="description-${key}" required maxlength="500" /></label>
      <label>Quantity
        <input name="quantity-${key}" type="number" min="1" step="1" value="1" /></label>
      <label>Unit price
        <input name="unit_amount-${key}" inputmode="decimal" required placeholder="420.00" /></label>
      <label>Tax rate %
        <input name="tax_rate-${key}" inputmode="decimal" placeholder="7" /></label>
      ${
        this.lines.length > 1
          ? html`<button type="button" class="danger" aria-label="Remove line ${index + 1}"
            @click=${() => {
              this.lines = this.lines.filter((line) => line !== key);
            }}>Remove</button>`
          : html`<span></span>`
      }
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-estimate-form': DemoEstimateForm;
  }
}
