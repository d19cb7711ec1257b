/**
 * One customer: balance and state, what can be added to the account, invoices
 * (demo/app/invoices-section.ts), estimates (demo/app/estimates-section.ts), and the links with their activity.
 * Refreshes every few seconds, so a view, a payment or an estimate decision shows up while staff
 * watch; a staff preview of the portal opens beside it.
 */
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Balance, Customer, Invoice, List, PaymentLink } from '../../shared/api/staff.ts';
import { balanceText, type MoneyContext, stateLabel } from './format.ts';
import type { StaffApi } from './staff-api.ts';
import { demoStyles } from './styles.ts';
import './account-statement.ts';
import './billing-forms.ts';
import './estimates-section.ts';
import './invoices-section.ts';
import './link-card.ts';
import './saved-cards-section.ts';

const REFRESH_MS = 4000;

@customElement('demo-customer-detail')
export class DemoCustomerDetail extends LitElement {
  static override styles = [
    demoStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 16px;
        min-width: 0;
      }
      /* A wide table scrolls inside its card rather than widening the page on a phone. */
      :host > * {
        min-width: 0;
      }
      .summary {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 12px;
        align-items: center;
      }
      .amount {
        font-size: 1.75rem;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .links {
        display: grid;
        gap: 12px;
      }
      .with-preview {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 400px;
        gap: 16px;
        align-items: start;
      }
      @media (max-width: 1180px) {
        .with-preview {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .preview iframe {
        width: 100%;
        max-width: 390px;
        height: 760px;
        border: 1px solid var(--border);
        border-radius: 12px;
        background: #f3f4f6;
        display: block;
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) at!: MoneyContext;
  @property({ attribute: false }) customer!: Customer;
  @state() private balance: Balance | null = null;
  @state() private invoices: Invoice[] = [];
  @state() private links: PaymentLink[] = [];
  @state() private revision = 0;
  @state() private previewUrl: string | null = null;
  @state() private error = '';
  @state() private updatedAt: Date | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => {
      if (document.visibilityState === 'visible') void this.load();
    }, REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customer')) {
      const before = changed.get('customer') as Customer | undefined;
      if (before?.id !== this.customer.id) {
        this.previewUrl = null;
        this.balance = null;
        void this.load();
      }
    }
  }

  /** Everything again; link cards reload their activity when `revision` moves. */
  async load(): Promise<void> {
    const id = this.customer.id;
    try {
      const [balance, invoices, links] = await Promise.all([
        this.api.get<Balance>(`/v1/customers/${id}/balance`),
        this.api.get<List<Invoice>>(`/v1/invoices?customer=${id}&limit=100`),
        this.api.get<List<PaymentLink>>(`/v1/payment_links?customer=${id}&limit=100`),
      ]);
      if (id !== this.customer.id) return;
      this.balance = balance;
      this.invoices = invoices.data;
      this.links = links.data;
      this.revision++;
      this.updatedAt = new Date();
      this.error = '';
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private async changed(): Promise<void> {
    await this.load();
    this.dispatchEvent(new CustomEvent('customer-changed', { bubbles: true, composed: true }));
  }

  private async createLink(target: Record<string, string>): Promise<void> {
    try {
      await this.api.post('/v1/payment_links', target);
      await this.changed();
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  override render() {
    const { customer, balance } = this;
    return html`
      <section class="card summary" aria-label="Balance">
        <div>
          <h2>${customer.name}</h2>
          <p class="muted">${[customer.email, customer.phone].filter(Boolean).join(' · ')}</p>
          ${
            this.updatedAt
              ? html`<p class="muted" data-testid="detail-updated">
                  Last updated
                  <time datetime=${this.updatedAt.toISOString()}
                    >${this.updatedAt.toLocaleTimeString(this.at.locale)}</time
                  >
                </p>`
              : nothing
          }
        </div>
        ${
          balance
            ? html`<div>
              <div class="amount" data-testid="balance">
                ${balanceText(balance.amount, balance.state, this.at)}
              </div>
              <span class="chip ${balance.state}" data-testid="balance-state"
                >${stateLabel[balance.state]}</span
              >
            </div>`
            : nothing
        }
      </section>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <section class="card">
        <demo-billing-forms
          .api=${this.api}
          .at=${this.at}
          customer=${customer.id}
          @billed=${() => this.changed()}
        ></demo-billing-forms>
      </section>
      <demo-account-statement
        .api=${this.api}
        .at=${this.at}
        customer=${customer.id}
        .revision=${this.revision}
      ></demo-account-statement>
      <demo-invoices
        .api=${this.api}
        .at=${this.at}
        .invoices=${this.invoices}
        customer-name=${customer.name}
        customer=${customer.id}
        @create-link=${(event: CustomEvent<string>) => this.createLink({ invoice: event.detail })}
        @invoice-changed=${() => this.changed()}
      ></demo-invoices>
      <demo-estimates
        .api=${this.api}
        .at=${this.at}
        customer=${customer.id}
        .revision=${this.revision}
        .invoices=${this.invoices}
        @estimate-changed=${() => this.changed()}
      ></demo-estimates>
      <demo-saved-cards
        .api=${this.api}
        customer=${customer.id}
        customer-name=${customer.name}
        .revision=${this.revision}
      ></demo-saved-cards>
      <div class=${this.previewUrl ? 'with-preview' : ''}>
        <section class="card" aria-labelledby="links-title">
          <div class="summary">
            <h2 id="links-title">Payment links</h2>
            <div class="row">
              <button type="button" @click=${() => this.load()}>Refresh</button>
              <button class="primary" type="button"
                @click=${() => this.createLink({ customer: customer.id })}>Generate link</button>
            </div>
          </div>
          <div class="links">
            ${this.links.length === 0 ? html`<p class="muted">No links yet.</p>` : nothing}
            ${this.links.map(
              (link) => html`<demo-link-card
                .api=${this.api}
                .link=${link}
                .revision=${this.revision}
                .invoiceNumber=${this.invoices.find((i) => i.id === link.invoice)?.number ?? null}
                .at=${this.at}
                .customerEmail=${customer.email}
                .customerPhone=${customer.phone}
                @link-changed=${() => this.changed()}
                @preview-link=${(event: CustomEvent<string>) => {
                  this.previewUrl = event.detail;
                }}
              ></demo-link-card>`,
            )}
          </div>
        </section>
        ${this.previewUrl ? this.renderPreview(this.previewUrl) : nothing}
      </div>
    `;
  }

  private renderPreview(url: string) {
    return html`<section class="card preview" aria-labelledby="preview-title">
      <div class="summary">
        <h2 id="preview-title">Customer's view (preview)</h2>
        <button type="button" @click=${() => {
          this.previewUrl = null;
        }}>Close</button>
      </div>
      <p class="muted">At phone width. A preview is never recorded as the customer's view.</p>
      <iframe title="Portal preview" src=${url}></iframe>
    </section>`;
  }
}
