/**
 * An invoice's activity for staff (issue 11): what happened to it, oldest first, with times:
 * created, sent (channel), viewed, each payment (amount, method, receipt), refunds, questions
 * (what the customer asked), voided. Read from `GET /v1/invoices/:id/events` when staff open it.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { InvoiceEvent, List } from '../../shared/api/staff.ts';
import { type MoneyContext, money, when } from './format.ts';
import type { StaffApi } from './staff-api.ts';
import { demoStyles } from './styles.ts';

const METHODS: Record<string, string> = {
  card: 'card',
  us_bank_account: 'bank account',
  paypal: 'PayPal',
};

/** One event in staff's words: "Payment of $100.00 by card, receipt R-000001". */
export function eventText(event: InvoiceEvent, at: MoneyContext): string {
  const amount = event.amount === null ? '' : money(event.amount, at);
  switch (event.type) {
    case 'created':
      return 'Created';
    case 'sent':
      return `Sent by ${event.channel === 'sms' ? 'text message' : (event.channel ?? 'email')}`;
    case 'viewed':
      return 'Viewed by the customer';
    case 'reminder':
      return `Reminder sent by ${event.channel === 'sms' ? 'text message' : (event.channel ?? 'email')}`;
    case 'payment': {
      const method = event.method ? ` by ${METHODS[event.method] ?? event.method}` : '';
      const receipt = event.receipt_number ? `, receipt ${event.receipt_number}` : '';
      return `Payment of ${amount}${method}${receipt}`;
    }
    case 'refund':
      return `Refund of ${amount}${event.receipt_number ? ` (receipt ${event.receipt_number})` : ''}`;
    case 'question':
      return `Question: “${event.message ?? ''}”`;
    case 'voided':
      return 'Voided';
  }
}

@customElement('demo-invoice-activity')
export class DemoInvoiceActivity extends LitElement {
  static override styles = [
    demoStyles,
    css`
      .activity {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 6px;
      }
      .activity li {
        display: grid;
        grid-template-columns: minmax(9rem, max-content) 1fr;
        gap: 12px;
      }
      .activity time {
        color: var(--muted, #4b5563);
        font-variant-numeric: tabular-nums;
      }
      @media (max-width: 600px) {
        .activity li {
          grid-template-columns: 1fr;
          gap: 0;
        }
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) at!: MoneyContext;
  @property() invoice = '';
  @property() number = '';
  @state() private events: InvoiceEvent[] | null = null;
  @state() private failed = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const list = await this.api.get<List<InvoiceEvent>>(`/v1/invoices/${this.invoice}/events`);
      this.events = list.data;
      this.failed = '';
    } catch (error) {
      this.failed = (error as Error).message;
    }
  }

  override render() {
    if (this.failed) return html`<p class="error" role="alert">${this.failed}</p>`;
    if (!this.events) return html`<p class="muted" role="status">Loading activity…</p>`;
    return html`<section aria-label="Activity of ${this.number}">
      <ol class="activity">
        ${this.events.map(
          (event) => html`<li>
            <time datetime=${event.created}>${when(event.created, this.at.locale)}</time>
            <span>${eventText(event, this.at)}</span>
          </li>`,
        )}
      </ol>
      ${this.events.length === 0 ? html`<p class="muted">Nothing yet.</p>` : nothing}
    </section>`;
  }
}
