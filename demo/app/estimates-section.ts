/**
 * A customer's estimates, newest first, each as a card with its decision and actions, and the
 * form for a new one. Reloads when `revision` moves (the customer view refreshes every few
 * seconds), so a decision or a question shows up while staff watch.
 * Fires `estimate-changed` when an estimate made an invoice or a link, or a new one was created.
 */
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Estimate, Invoice, List } from '../../shared/api/staff.ts';
import type { MoneyContext } from './format.ts';
import type { StaffApi } from './staff-api.ts';
import { demoStyles } from './styles.ts';
import './estimate-card.ts';
import './estimate-form.ts';

@customElement('demo-estimates')
export class DemoEstimates extends LitElement {
  static override styles = [
    demoStyles,
    css`
      :host {
        /* A grid item: without this a wide lines table would widen the page on a phone. */
        min-width: 0;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: 8px;
        align-items: center;
        margin-bottom: 12px;
      }
      .head h2 {
        margin: 0;
      }
      .cards {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: 12px;
      }
      demo-estimate-form {
        margin-bottom: 16px;
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) at!: MoneyContext;
  @property() customer = '';
  @property({ attribute: false }) revision = 0;
  /** The customer's invoices, to name the invoice an estimate became. */
  @property({ attribute: false }) invoices: Invoice[] = [];
  @state() private estimates: Estimate[] = [];
  @state() private loaded = false;
  @state() private creating = false;
  @state() private notice = '';
  @state() private error = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('customer')) {
      this.estimates = [];
      this.loaded = false;
      this.creating = false;
      this.notice = '';
    }
    if (changed.has('customer') || changed.has('revision')) void this.load();
  }

  private async load(): Promise<void> {
    const customer = this.customer;
    if (!customer) return;
    try {
      const list = await this.api.get<List<Estimate>>(
        `/v1/estimates?customer=${customer}&limit=100`,
      );
      if (customer !== this.customer) return;
      this.estimates = list.data;
      this.loaded = true;
      this.error = '';
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private changed(): void {
    void this.load();
    this.dispatchEvent(new CustomEvent('estimate-changed', { bubbles: true, composed: true }));
  }

  override render() {
    return html`<section class="card" aria-labelledby="estimates-title">
      <div class="head">
        <h2 id="estimates-title">Estimates</h2>
        ${
          this.creating
            ? nothing
            : html`<button type="button" class="primary" @click=${() => {
                this.creating = true;
                this.notice = '';
              }}>Create estimate</button>`
        }
      </div>
      ${
        this.creating
          ? html`<demo-estimate-form
            .api=${this.api}
            .at=${this.at}
            customer=${this.customer}
            @estimate-created=${(event: CustomEvent<Estimate>) => {
              this.creating = false;
              this.notice = `Estimate ${event.detail.number} created. Create a link to send it.`;
              this.changed();
            }}
            @estimate-cancel=${() => {
              this.creating = false;
            }}
          ></demo-estimate-form>`
          : nothing
      }
      ${this.notice ? html`<p class="ok" role="status">${this.notice}</p>` : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        this.loaded && this.estimates.length === 0
          ? html`<p class="muted">No estimates yet.</p>`
          : nothing
      }
      <div class="cards">
        ${repeat(
          this.estimates,
          (estimate) => estimate.id,
          (estimate) => html`<demo-estimate-card
            .api=${this.api}
            .at=${this.at}
            .estimate=${estimate}
            .revision=${this.revision}
            .invoice=${this.invoices.find((invoice) => invoice.id === estimate.invoice) ?? null}
            @estimate-changed=${(event: Event) => {
              event.stopPropagation();
              this.changed();
            }}
          ></demo-estimate-card>`,
        )}
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-estimates': DemoEstimates;
  }
}
