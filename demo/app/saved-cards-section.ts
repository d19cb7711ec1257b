/**
 * The cards a customer saved when paying, and forgetting one from the staff side (issue 15),
 * after a confirmation that names the card and says what follows. Reloads when the customer view
 * moves `revision`, so a card saved in the portal shows up while staff watch.
 */
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { List, SavedCard } from '../../shared/api/staff.ts';
import type { DemoConfirmDialog } from './confirm-dialog.ts';
import './confirm-dialog.ts';
import type { StaffApi } from './staff-api.ts';
import { demoStyles } from './styles.ts';

/** "Visa •••• 4242", or "A saved card" when the provider told us neither. */
export function cardName(card: Pick<SavedCard, 'brand' | 'last4'>): string {
  const brand = card.brand ? `${card.brand[0]!.toUpperCase()}${card.brand.slice(1)}` : 'Card';
  return card.last4 ? `${brand} •••• ${card.last4}` : 'A saved card';
}

const expiry = (card: SavedCard) =>
  card.exp_month && card.exp_year
    ? `expires ${String(card.exp_month).padStart(2, '0')}/${card.exp_year}`
    : '';

@customElement('demo-saved-cards')
export class DemoSavedCards extends LitElement {
  static override styles = [
    demoStyles,
    css`
      ul.plain {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 8px;
      }
      ul.plain li {
        justify-content: space-between;
        border-top: 1px solid var(--border);
        padding-top: 8px;
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  @property() customer = '';
  @property({ attribute: 'customer-name' }) customerName = '';
  /** Moved by the customer view on each refresh. */
  @property({ type: Number }) revision = 0;
  @state() private cards: SavedCard[] = [];
  @state() private forgetting: SavedCard | null = null;
  @state() private message = '';
  @state() private failed = false;
  @query('#forget-dialog') private dialog!: DemoConfirmDialog;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customer')) {
      this.cards = [];
      this.message = '';
    }
    if (changed.has('customer') || changed.has('revision')) void this.load();
  }

  private async load(): Promise<void> {
    const customer = this.customer;
    if (!customer) return;
    try {
      const list = await this.api.get<List<SavedCard>>(`/v1/customers/${customer}/payment_methods`);
      if (customer === this.customer) this.cards = list.data;
    } catch (error) {
      this.failed = true;
      this.message = (error as Error).message;
    }
  }

  private async forget(card: SavedCard): Promise<void> {
    this.forgetting = card;
    const confirmed = await this.dialog.ask();
    this.forgetting = null;
    if (!confirmed) return;
    try {
      await this.api.del(`/v1/customers/${this.customer}/payment_methods/${card.id}`);
      this.failed = false;
      this.message = `${cardName(card)} is forgotten.`;
      await this.load();
    } catch (error) {
      this.failed = true;
      this.message = (error as Error).message;
    }
  }

  override render() {
    const card = this.forgetting;
    return html`<section class="card" aria-labelledby="cards-title">
      <h2 id="cards-title">Saved cards</h2>
      ${
        this.message
          ? html`<p class=${this.failed ? 'error' : 'ok'} role="status">${this.message}</p>`
          : nothing
      }
      ${
        this.cards.length === 0
          ? html`<p class="muted">
              No saved cards. A customer saves one by ticking “Save card for future payments” when
              paying.
            </p>`
          : html`<ul class="plain">
              ${this.cards.map(
                (saved) => html`<li class="row">
                  <span
                    >${cardName(saved)}
                    <span class="muted">${expiry(saved)}</span>
                    ${saved.provider === 'sandbox' ? html`<span class="chip">test</span>` : nothing}</span
                  >
                  <button
                    type="button"
                    class="danger"
                    aria-label="Forget ${cardName(saved)}"
                    @click=${() => this.forget(saved)}
                  >
                    Forget
                  </button>
                </li>`,
              )}
            </ul>`
      }
      <demo-confirm-dialog
        id="forget-dialog"
        heading=${card ? `Forget ${cardName(card)}?` : 'Forget a saved card?'}
        confirm-label="Forget card"
        danger
        >${
          card
            ? html`<p>${cardName(card)} ${expiry(card)}, saved by ${this.customerName}.</p>
                <ul>
                  <li>
                    It is removed from the payment provider and no longer offered in the portal:
                    ${this.customerName} types the card again to pay with it.
                  </li>
                  <li>Payments already made with it, and their refunds, are not affected.</li>
                  <li>This cannot be undone.</li>
                </ul>`
            : nothing
        }</demo-confirm-dialog
      >
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-saved-cards': DemoSavedCards;
  }
}
