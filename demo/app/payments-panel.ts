/** Payments, newest first, and a refund of what is left of one. */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Customer, List, Payment } from '../../shared/api/staff.ts';
import { type MoneyContext, money, when } from './format.ts';
import type { StaffApi } from './staff-api.ts';
import { demoStyles } from './styles.ts';

@customElement('demo-payments')
export class DemoPayments extends LitElement {
  static override styles = demoStyles;

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) at!: MoneyContext;
  @state() private payments: Payment[] = [];
  @state() private names = new Map<string, string>();
  @state() private message = '';
  @state() private failed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [payments, customers] = await Promise.all([
        this.api.get<List<Payment>>('/v1/payments?limit=100'),
        this.api.get<List<Customer>>('/v1/customers?limit=100'),
      ]);
      this.payments = payments.data;
      this.names = new Map(customers.data.map((customer) => [customer.id, customer.name]));
    } catch (error) {
      this.failed = true;
      this.message = (error as Error).message;
    }
  }

  private async refund(payment: Payment): Promise<void> {
    try {
      await this.api.post(`/v1/payments/${payment.id}/refunds`, {});
      this.failed = false;
      this.message = `Refunded ${money(payment.amount - payment.amount_refunded, this.at)} of ${payment.receipt_number ?? payment.id}.`;
      await this.load();
    } catch (error) {
      this.failed = true;
      this.message = (error as Error).message;
    }
  }

  override render() {
    const at = this.at;
    return html`<section class="card" aria-labelledby="payments-title">
      <div class="row" style="justify-content: space-between">
        <h2 id="payments-title">Payments</h2>
        <button type="button" @click=${() => this.load()}>Refresh</button>
      </div>
      ${
        this.message
          ? html`<p class=${this.failed ? 'error' : 'ok'} role="status">${this.message}</p>`
          : nothing
      }
      ${
        this.payments.length === 0
          ? html`<p class="muted">No payments yet.</p>`
          : html`<div class="table-wrap"><table>
            <thead><tr><th>Date</th><th>Customer</th><th>Receipt</th><th>Method</th>
              <th class="num">Paid</th><th class="num">Tip</th><th class="num">Fee</th>
              <th class="num">Total</th><th>Status</th><th class="num">Refunded</th><th></th></tr></thead>
            <tbody>${this.payments.map(
              (p) => html`<tr>
                <td>${when(p.created, at.locale)}</td>
                <td>${this.names.get(p.customer) ?? p.customer}</td>
                <td>${p.receipt_number ?? '—'}</td>
                <td>${p.card ? `${p.card.brand ?? 'card'} •••• ${p.card.last4}` : p.method.replaceAll('_', ' ')}
                  ${p.provider === 'sandbox' ? html`<span class="chip">test</span>` : nothing}</td>
                <td class="num">${money(p.subtotal, at)}</td>
                <td class="num">${money(p.tip, at)}</td>
                <td class="num">${money(p.fee, at)}</td>
                <td class="num">${money(p.amount, at)}</td>
                <td><span class="chip ${p.status}">${p.status.replaceAll('_', ' ')}</span></td>
                <td class="num">${p.amount_refunded ? money(p.amount_refunded, at) : '—'}</td>
                <td>${
                  p.status === 'succeeded' && p.amount_refunded < p.amount
                    ? html`<button type="button" class="danger" @click=${() => this.refund(p)}>Refund</button>`
                    : nothing
                }</td>
              </tr>`,
            )}</tbody></table></div>`
      }
    </section>`;
  }
}
