/**
 * The events of the last 30 days as the business's endpoints were sent them: each one's
 * deliveries and every attempt (status, time, the start of the answer), and Resend.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { List, WebhookEvent, WebhookEventDetail } from '../../shared/api/staff.ts';
import { type MoneyContext, when } from './format.ts';
import type { StaffApi } from './staff-api.ts';
import { demoStyles } from './styles.ts';

@customElement('demo-webhook-events')
export class DemoWebhookEvents extends LitElement {
  static override styles = [
    demoStyles,
    css`
      .detail {
        margin-top: 12px;
        border-top: 1px solid #e5e7eb;
        padding-top: 12px;
      }
      h3 {
        margin: 0;
        font-size: 1rem;
        overflow-wrap: anywhere;
      }
      pre,
      code {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      ul {
        margin: 4px 0;
        padding-left: 20px;
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) at!: MoneyContext;
  @state() private events: WebhookEvent[] = [];
  @state() private open: WebhookEventDetail | null = null;
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.events = (await this.api.get<List<WebhookEvent>>('/v1/events?limit=50')).data;
      if (this.open) this.open = await this.detail(this.open.id);
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private detail(id: string): Promise<WebhookEventDetail> {
    return this.api.get<WebhookEventDetail>(`/v1/events/${id}`);
  }

  private async show(event: WebhookEvent): Promise<void> {
    this.open = this.open?.id === event.id ? null : await this.detail(event.id);
  }

  private async resend(event: WebhookEventDetail): Promise<void> {
    this.error = '';
    try {
      this.open = await this.api.post<WebhookEventDetail>(`/v1/events/${event.id}/resend`);
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  override render() {
    return html`<section class="card" aria-labelledby="events-title">
      <div class="row" style="justify-content: space-between">
        <h2 id="events-title">Events</h2>
        <button type="button" @click=${() => this.load()}>Refresh</button>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        this.events.length === 0
          ? html`<p class="muted">No events in the last 30 days.</p>`
          : html`<div class="table-wrap"><table>
            <thead><tr><th>Created</th><th>Type</th><th>About</th></tr></thead>
            <tbody>${this.events.map(
              (event) => html`<tr data-event=${event.type}>
                  <td>${when(event.created, this.at.locale)}</td>
                  <td><button type="button" aria-expanded=${this.open?.id === event.id ? 'true' : 'false'}
                    @click=${() => this.show(event)}>${event.type}</button></td>
                  <td><code>${String(event.data.object.id ?? event.data.object.customer ?? '')}</code></td>
                </tr>`,
            )}</tbody></table></div>`
      }
      ${this.open ? this.renderDetail(this.open) : nothing}
    </section>`;
  }

  private renderDetail(event: WebhookEventDetail) {
    return html`<div class="stack detail" data-detail aria-label=${`Event ${event.type}`}>
      <h3>${event.type} <code>${event.id}</code></h3>
      ${
        event.deliveries.length === 0
          ? html`<p class="muted">No endpoint wanted this event when it happened.</p>`
          : event.deliveries.map(
              (delivery) => html`<div>
                <p><span class="chip ${delivery.state === 'delivered' ? 'sent' : delivery.state}">${delivery.state}</span>
                  to <code>${delivery.endpoint}</code>${delivery.resend ? ' (resent)' : ''}</p>
                <ul>${delivery.attempts.map(
                  (attempt) => html`<li>
                    ${when(attempt.created, this.at.locale)}:
                    ${attempt.status_code ?? attempt.error} (${attempt.duration_ms} ms)
                    ${attempt.response_excerpt ? html`<code>${attempt.response_excerpt.slice(0, 120)}</code>` : nothing}
                  </li>`,
                )}</ul>
              </div>`,
            )
      }
      <div class="row">
        <button type="button" @click=${() => this.resend(event)}>Resend</button>
      </div>
      <pre>${JSON.stringify(event.data.object, null, 2)}</pre>
    </div>`;
  }
}
