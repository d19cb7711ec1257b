/**
 * "Send portal access" on the demo page: tick customers, send each a fresh customer link by
 * email or by text (POST /v1/customers/portal_access); those without an email, a mobile number
 * or consent to texts are skipped and listed with the reason.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Customer, List, PortalAccess } from '../../shared/api/staff.ts';
import type { StaffApi } from './staff-api.ts';
import { demoStyles } from './styles.ts';

const REASONS: Record<string, string> = {
  no_email: 'no email on file',
  no_phone: 'no mobile number on file',
  no_consent: 'no consent to texts',
  sms_unavailable: 'texts are not available yet',
};

@customElement('demo-portal-access')
export class DemoPortalAccess extends LitElement {
  static override styles = [
    demoStyles,
    css`
      .channel {
        border: 0;
        padding: 0;
        margin: 0 0 8px;
        display: flex;
        gap: 16px;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0 0 8px;
        display: grid;
        gap: 4px;
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) customers: Customer[] = [];
  @state() private chosen = new Set<string>();
  @state() private results: PortalAccess[] = [];
  @state() private error: string | null = null;
  @state() private channel: 'email' | 'sms' = 'email';

  private toggle(id: string, on: boolean) {
    const chosen = new Set(this.chosen);
    if (on) chosen.add(id);
    else chosen.delete(id);
    this.chosen = chosen;
  }

  private async send(): Promise<void> {
    try {
      const answer = await this.api.post<List<PortalAccess>>('/v1/customers/portal_access', {
        customers: [...this.chosen],
        channel: this.channel,
      });
      this.results = answer.data;
      this.error = null;
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  override render() {
    const name = (id: string) => this.customers.find((c) => c.id === id)?.name ?? id;
    return html`<section class="card" aria-labelledby="access-title">
      <h2 id="access-title">Send portal access</h2>
      <p class="muted">A fresh link to each customer's account, queued in the outbox.</p>
      <ul>
        ${this.customers.map(
          (customer) => html`<li>
            <label class="check"><input type="checkbox" .checked=${this.chosen.has(customer.id)}
              @change=${(e: Event) => this.toggle(customer.id, (e.target as HTMLInputElement).checked)} />
              ${customer.name}${customer.email ? html` <span class="muted">${customer.email}</span>` : nothing}</label>
          </li>`,
        )}
      </ul>
      <fieldset class="channel">
        <legend>Send by</legend>
        ${(['email', 'sms'] as const).map(
          (channel) => html`<label class="check"><input type="radio" name="access-channel"
            .checked=${this.channel === channel}
            @change=${() => {
              this.channel = channel;
            }} />
            ${channel === 'email' ? 'Email' : 'Text message'}</label>`,
        )}
      </fieldset>
      <button class="primary" type="button" ?disabled=${this.chosen.size === 0} @click=${this.send}>
        Send portal access (${this.chosen.size})
      </button>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        this.results.length
          ? html`<ul role="status">
            ${this.results.map(
              (r) =>
                html`<li>${name(r.customer)}: ${r.status === 'queued' ? `queued to ${r.to}` : `skipped (${REASONS[r.reason ?? ''] ?? r.reason})`}</li>`,
            )}
          </ul>`
          : nothing
      }
    </section>`;
  }
}
