/**
 * A customer's account statement (issue 15): every charge, credit, payment and refund on the
 * account, newest first, with the tax, the invoice it belongs to, who caused it, and the balance
 * after it; the last 25 at first, more on request. Closed until staff open it (the customer view
 * stays short, and nothing is read until asked); while open, reloads when the customer view
 * moves `revision`.
 */
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { List, StatementEntry } from '../../shared/api/staff.ts';
import { balanceText, keepReferencesWhole, type MoneyContext, money } from './format.ts';
import { rowCardStyles } from './row-cards.styles.ts';
import type { StaffApi } from './staff-api.ts';
import { demoStyles } from './styles.ts';

const PAGE = 25;

const KIND_LABEL: Record<StatementEntry['kind'], string> = {
  charge: 'Charge',
  credit: 'Credit',
  payment: 'Payment',
  tip: 'Tip',
  fee: 'Card fee',
  refund: 'Refund',
  adjustment: 'Adjustment',
};

/** "Added by Maria" when staff named themselves, else "Added by staff" or "Paid by the customer". */
function addedBy(entry: StatementEntry): string {
  if (entry.added_by === 'customer') return 'Paid by the customer';
  return `Added by ${entry.added_by_name ?? 'staff'}`;
}

@customElement('demo-account-statement')
export class DemoAccountStatement extends LitElement {
  static override styles = [
    demoStyles,
    rowCardStyles(),
    css`
      td:nth-child(2) {
        min-width: 6.5rem;
      }
      th,
      td {
        padding-left: 4px;
        padding-right: 4px;
      }
      td:first-child {
        white-space: nowrap;
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) at!: MoneyContext;
  @property() customer = '';
  @property({ type: Number }) revision = 0;
  @state() private entries: StatementEntry[] = [];
  @state() private hasMore = false;
  @state() private error = '';
  @state() private open = false;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('customer')) this.entries = [];
    if (this.open && (changed.has('customer') || changed.has('revision') || changed.has('open'))) {
      void this.load();
    }
  }

  /** The newest entries again, as many as are shown (at least a page). */
  private async load(): Promise<void> {
    const customer = this.customer;
    const limit = Math.min(100, Math.max(PAGE, this.entries.length));
    try {
      const list = await this.api.get<List<StatementEntry>>(
        `/v1/customers/${customer}/entries?limit=${limit}`,
      );
      if (customer !== this.customer) return;
      this.entries = list.data;
      this.hasMore = list.has_more;
      this.error = '';
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private async more(): Promise<void> {
    const last = this.entries.at(-1);
    if (!last) return;
    try {
      const list = await this.api.get<List<StatementEntry>>(
        `/v1/customers/${this.customer}/entries?limit=${PAGE}&starting_after=${last.id}`,
      );
      this.entries = [...this.entries, ...list.data];
      this.hasMore = list.has_more;
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  override render() {
    return html`<section class="card cards" aria-labelledby="statement-title">
      <div class="row" style="justify-content: space-between; align-items: center">
        <h2 id="statement-title">Account statement</h2>
        <button
          type="button"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls="statement"
          @click=${() => {
            this.open = !this.open;
          }}
        >
          ${this.open ? 'Hide' : 'Show'} statement
        </button>
      </div>
      <div id="statement" ?hidden=${!this.open}>${this.open ? this.renderStatement() : nothing}</div>
    </section>`;
  }

  private renderStatement() {
    const at = this.at;
    const date = new Intl.DateTimeFormat(at.locale, { dateStyle: 'short' });
    return html`
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        this.entries.length === 0
          ? html`<p class="muted">Nothing on the account yet.</p>`
          : // Focusable, so a keyboard can scroll it when a phone shows only part of it.
            html`<div class="table-wrap" tabindex="0" role="region" aria-label="Account statement entries"><table role="table" class="cards-table">
            <caption class="visually-hidden">Newest first, with the balance after each entry</caption>
            <thead role="rowgroup"><tr role="row"><th role="columnheader">Date</th>
              <th role="columnheader">Entry</th><th role="columnheader" class="num">Amount</th>
              <th role="columnheader" class="num">Balance</th><th role="columnheader" class="num">Tax</th>
              <th role="columnheader">Invoice</th><th role="columnheader">Who</th></tr></thead>
            <tbody role="rowgroup">${this.entries.map(
              (entry) => html`<tr role="row" class="item">
                <td role="cell" class="aside">${date.format(new Date(`${entry.date}T12:00:00`))}</td>
                <td role="cell" class="lead"><span>${KIND_LABEL[entry.kind]}</span><div class="muted">${keepReferencesWhole(entry.description)}</div></td>
                <td role="cell" class="num figure">${entry.amount > 0 ? '+' : ''}${money(entry.amount, at)}</td>
                <td role="cell" class="num fact" data-label="Balance after">${balanceText(
                  entry.balance_after,
                  entry.balance_after < 0
                    ? 'credit'
                    : entry.balance_after > 0
                      ? 'outstanding'
                      : 'zero',
                  at,
                )}</td>
                <td role="cell" class="num fact" data-label="Tax">${entry.tax ? money(entry.tax, at) : '—'}</td>
                <td role="cell" class="fact" data-label="Invoice">${entry.invoice_number ?? '—'}</td>
                <td role="cell" class="note">${addedBy(entry)}</td>
              </tr>`,
            )}</tbody></table></div>`
      }
      ${
        this.hasMore
          ? html`<button type="button" @click=${() => this.more()}>Show older entries</button>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-account-statement': DemoAccountStatement;
  }
}
