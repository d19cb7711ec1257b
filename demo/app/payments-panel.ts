/**
 * Payments, newest first, and refunds: a dialog with the amount (what is left by default, any
 * part of it allowed), and what the customer will see and what follows, before anything moves.
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Customer, List, Payment } from '../../shared/api/staff.ts';
import type { RefundTipAndFee } from '../../shared/refund-split.ts';
import type { DemoConfirmDialog } from './confirm-dialog.ts';
import './confirm-dialog.ts';
import type { DemoPaymentDetails } from './payment-details.ts';
import './payment-details.ts';
import { type MoneyContext, money, plainAmount, typedMoney, when } from './format.ts';
import { paymentMethodText, type RefundParts, refundParts } from './refund-figures.ts';
import { rowCardStyles } from './row-cards.styles.ts';
import type { StaffApi } from './staff-api.ts';
import { demoStyles } from './styles.ts';

/** The width the payments' eleven columns need (about 830 px in English): narrower, a card each. */
const PAYMENTS_NEED = '54rem';

/** "Tip $17.00 and fee $3.06 are given back too, …", naming only the parts given back. */
function extrasText(parts: RefundParts, at: MoneyContext): string {
  const named = [
    parts.tip > 0 ? `tip ${money(parts.tip, at)}` : '',
    parts.fee > 0 ? `fee ${money(parts.fee, at)}` : '',
  ].filter(Boolean);
  if (named.length === 0) return '';
  const list = named.join(' and ');
  const verb = named.length > 1 ? 'are' : 'is';
  return `${list[0]!.toUpperCase()}${list.slice(1)} ${verb} given back too, and not owed again.`;
}

/** The business's rule, said where it decides the figures (Settings → Refunds changes it). */
function ruleText(payment: Payment, mode: RefundTipAndFee): string {
  if (payment.tip === 0 && payment.fee === 0) return '';
  const extras =
    payment.tip > 0 && payment.fee > 0
      ? 'the tip and fee'
      : payment.tip > 0
        ? 'the tip'
        : 'the fee';
  return mode === 'in_proportion'
    ? `Your refund setting gives back ${extras} in proportion to the amount.`
    : `Your refund setting gives back ${extras} only once all the rest has been refunded.`;
}

@customElement('demo-payments')
export class DemoPayments extends LitElement {
  static override styles = [demoStyles, rowCardStyles(PAYMENTS_NEED)];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) at!: MoneyContext;
  /** The business's setting `refund_tip_and_fee`: how the dialog's figures divide a refund. */
  @property({ attribute: false }) refundTipAndFee: RefundTipAndFee = 'last';
  @state() private payments: Payment[] = [];
  @state() private names = new Map<string, string>();
  @state() private message = '';
  @state() private failed = false;
  /** The payment in the refund dialog, and the amount typed there. */
  @state() private refunding: Payment | null = null;
  @state() private refundText = '';
  @state() private refundReason = '';
  @query('#refund-dialog') private refundDialog!: DemoConfirmDialog;
  @query('demo-payment-details') private details!: DemoPaymentDetails;
  @state() private detailsName = '';

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
    const left = payment.amount - payment.amount_refunded;
    this.refunding = payment;
    this.refundText = plainAmount(left, this.at);
    this.refundReason = '';
    const confirmed = await this.refundDialog.ask();
    const reason = this.refundReason.trim();
    const amount = typedMoney(this.refundText, this.at);
    this.refunding = null;
    if (!confirmed || amount === null) return;
    try {
      await this.api.post(`/v1/payments/${payment.id}/refunds`, {
        amount,
        ...(reason ? { reason } : {}),
      });
      this.failed = false;
      this.message = `Refunded ${money(amount, this.at)} of ${payment.receipt_number ?? payment.id}.`;
      await this.load();
    } catch (error) {
      this.failed = true;
      this.message = (error as Error).message;
    }
  }

  private renderRefund() {
    const payment = this.refunding;
    const at = this.at;
    if (!payment) return nothing;
    const left = payment.amount - payment.amount_refunded;
    const typed = typedMoney(this.refundText, at);
    const valid = typed !== null && typed > 0 && typed <= left;
    const parts = valid ? refundParts(payment, typed, this.refundTipAndFee) : null;
    const rule = ruleText(payment, this.refundTipAndFee);
    const customer = this.names.get(payment.customer) ?? 'the customer';
    const today = new Intl.DateTimeFormat(at.locale, { dateStyle: 'medium' }).format(new Date());
    return html`
      <p>
        ${payment.receipt_number ?? payment.id}, ${customer}: ${money(payment.amount, at)}
        paid${payment.amount_refunded ? `, ${money(payment.amount_refunded, at)} already refunded` : ''}.
      </p>
      <label
        >Amount to refund (at most ${money(left, at)})
        <input
          name="refund-amount"
          inputmode="decimal"
          required
          pattern="[0-9]+([.,][0-9]{1,2})?"
          aria-describedby="refund-consequences"
          .value=${this.refundText}
          @input=${(event: InputEvent) => {
            const input = event.target as HTMLInputElement;
            this.refundText = input.value;
            const amount = typedMoney(input.value, at);
            input.setCustomValidity(
              amount === null || amount <= 0
                ? 'Type an amount, such as 12.50.'
                : amount > left
                  ? `At most ${money(left, at)} is left to refund.`
                  : '',
            );
          }}
      /></label>
      <label
        >Reason (kept for your records; the customer does not see it)
        <input
          name="refund-reason"
          maxlength="500"
          list="refund-reasons"
          .value=${this.refundReason}
          @input=${(event: InputEvent) => {
            this.refundReason = (event.target as HTMLInputElement).value;
          }}
      /></label>
      <datalist id="refund-reasons">
        <option value="Requested by the customer"></option>
        <option value="Charged twice"></option>
        <option value="Service not performed"></option>
      </datalist>
      <ul id="refund-consequences" aria-live="polite">
        ${
          parts && typed !== null
            ? html`<li>
                  ${money(typed, at)} goes back to ${paymentMethodText(payment)}; banks show it
                  in 5–10 business days.
                </li>
                <li>
                  ${customer} sees “Refund ${money(typed, at)}” dated ${today} in their payment
                  history.
                </li>
                ${
                  parts.owed > 0
                    ? html`<li>
                      Their balance goes up by ${money(parts.owed, at)}: what it paid is owed
                      again${payment.invoices.length > 0 ? ' and the invoice it paid reopens' : ''}.
                    </li>`
                    : nothing
                }
                ${extrasText(parts, at) ? html`<li>${extrasText(parts, at)}</li>` : nothing}
                ${rule ? html`<li>${rule}</li>` : nothing}
                <li>A refund cannot be undone.</li>`
            : html`<li>Type an amount up to ${money(left, at)}.</li>`
        }
      </ul>
    `;
  }

  /**
   * The payments as a table; a card each where the panel is narrow (row-cards.styles.ts): the
   * customer and total on top, the date and status under them, then each figure named.
   */
  private renderTable() {
    return html`<div class="table-wrap"><table role="table" class="cards-table">
      <thead role="rowgroup"><tr role="row"><th role="columnheader">Date</th>
        <th role="columnheader">Customer</th><th role="columnheader">Receipt</th>
        <th role="columnheader">Method</th><th role="columnheader" class="num">Paid</th>
        <th role="columnheader" class="num">Tip</th><th role="columnheader" class="num">Fee</th>
        <th role="columnheader" class="num">Total</th><th role="columnheader">Status</th>
        <th role="columnheader" class="num">Refunded</th>
        <th role="columnheader"><span class="visually-hidden">Actions</span></th></tr></thead>
      <tbody role="rowgroup">${this.payments.map((p) => this.renderPayment(p))}</tbody>
    </table></div>`;
  }

  /** One payment's row; its `data-label`s name the figures on a card. */
  private renderPayment(p: Payment) {
    const at = this.at;
    const receipt = p.receipt_number ?? p.id;
    return html`<tr role="row" class="item">
      <td role="cell" class="aside">${when(p.created, at.locale)}</td>
      <td role="cell" class="lead">${this.names.get(p.customer) ?? p.customer}</td>
      <td role="cell" class="fact" data-label="Receipt">${p.receipt_number ?? '—'}</td>
      <td role="cell" class="fact" data-label="Method">${
        p.card ? `${p.card.brand ?? 'card'} •••• ${p.card.last4}` : p.method.replaceAll('_', ' ')
      }
        ${p.provider === 'sandbox' ? html`<span class="chip">test</span>` : nothing}</td>
      <td role="cell" class="num fact" data-label="Paid">${money(p.subtotal, at)}</td>
      <td role="cell" class="num fact" data-label="Tip">${money(p.tip, at)}</td>
      <td role="cell" class="num fact" data-label="Fee">${money(p.fee, at)}</td>
      <td role="cell" class="num figure">${money(p.amount, at)}</td>
      <td role="cell" class="state"><span class="chip ${p.status}">${p.status.replaceAll('_', ' ')}</span></td>
      <td role="cell" class="num fact" data-label="Refunded">${
        p.amount_refunded ? money(p.amount_refunded, at) : '—'
      }${p.refunds
        .map((refund) => refund.reason)
        .filter(Boolean)
        .map((reason) => html`<div class="muted">${reason}</div>`)}</td>
      <td role="cell" class="actions"><span class="row"><button type="button"
        aria-label="Details of ${receipt}"
        @click=${() => {
          this.detailsName = this.names.get(p.customer) ?? '';
          void this.details.show(p);
        }}>Details</button>${
          p.status === 'succeeded' && p.amount_refunded < p.amount
            ? html`<button type="button" class="danger" @click=${() => this.refund(p)}>Refund</button>`
            : nothing
        }</span></td>
    </tr>`;
  }

  override render() {
    const at = this.at;
    return html`<section class="card cards" aria-labelledby="payments-title">
      <div class="row" style="justify-content: space-between">
        <h2 id="payments-title">Payments</h2>
        <button type="button" @click=${() => this.load()}>Refresh</button>
      </div>
      ${
        this.message
          ? html`<p class=${this.failed ? 'error' : 'ok'} role="status">${this.message}</p>`
          : nothing
      }
      <demo-payment-details
        .api=${this.api}
        .at=${at}
        customer-name=${this.detailsName}
      ></demo-payment-details>
      <demo-confirm-dialog
        id="refund-dialog"
        heading="Refund a payment"
        confirm-label="Refund"
        danger
        >${this.renderRefund()}</demo-confirm-dialog
      >
      ${
        this.payments.length === 0
          ? html`<p class="muted">No payments yet.</p>`
          : this.renderTable()
      }
    </section>`;
  }
}
