/**
 * Webhooks (issue 14): the business's endpoints (register one, see its secret once, roll it,
 * turn it off and on) and, below, the events sent to them (webhook-events.ts).
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { List, WebhookEndpoint, WebhookEndpointWithSecret } from '../../shared/api/staff.ts';
import type { MoneyContext } from './format.ts';
import type { StaffApi } from './staff-api.ts';
import { demoStyles } from './styles.ts';
import './webhook-events.ts';

@customElement('demo-webhooks')
export class DemoWebhooks extends LitElement {
  static override styles = [
    demoStyles,
    css`
      :host {
        display: grid;
        gap: 16px;
      }
      .endpoints {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 8px;
      }
      .endpoints li {
        border: 1px solid #e5e7eb;
        border-radius: 8px;
        padding: 10px 12px;
        display: grid;
        gap: 6px;
      }
      code,
      pre {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) at!: MoneyContext;
  @state() private endpoints: WebhookEndpoint[] = [];
  /** The secret just made or rolled: shown this once. */
  @state() private secret: { endpoint: string; secret: string } | null = null;
  @state() private error = '';
  @state() private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.endpoints = (
        await this.api.get<List<WebhookEndpoint>>('/v1/webhook_endpoints?limit=100')
      ).data;
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private async act(work: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      await work();
      await this.load();
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.busy = false;
    }
  }

  private register(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const events = String(data.get('events') ?? '*')
      .split(/[\s,]+/)
      .filter(Boolean);
    return this.act(async () => {
      const made = await this.api.post<WebhookEndpointWithSecret>('/v1/webhook_endpoints', {
        url: String(data.get('url') ?? ''),
        events: events.length > 0 ? events : ['*'],
      });
      this.secret = { endpoint: made.id, secret: made.secret };
      form.reset();
    });
  }

  private roll(endpoint: WebhookEndpoint): Promise<void> {
    return this.act(async () => {
      const rolled = await this.api.post<WebhookEndpointWithSecret>(
        `/v1/webhook_endpoints/${endpoint.id}/roll_secret`,
      );
      this.secret = { endpoint: rolled.id, secret: rolled.secret };
    });
  }

  private toggle(endpoint: WebhookEndpoint): Promise<void> {
    return this.act(async () => {
      await this.api.patch(`/v1/webhook_endpoints/${endpoint.id}`, { enabled: !endpoint.enabled });
    });
  }

  override render() {
    return html`<section class="card stack" aria-labelledby="webhooks-title">
        <h2 id="webhooks-title">Webhooks</h2>
        <p class="muted">
          Your other systems are told what happens here (a payment, an invoice viewed, an estimate
          approved), signed by Standard Webhooks and retried for three days.
        </p>
        <form class="row" @submit=${this.register}>
          <label style="flex: 2 1 260px">Endpoint URL
            <input name="url" type="url" required placeholder="https://books.example.com/hooks" />
          </label>
          <label style="flex: 1 1 180px">Events
            <input name="events" value="*" aria-describedby="events-hint" />
          </label>
          <button class="primary" type="submit" ?disabled=${this.busy}>Add endpoint</button>
        </form>
        <p class="muted" id="events-hint">* for every event, or types separated by commas
          (payment.succeeded, invoice.paid…).</p>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${this.secret ? this.renderSecret(this.secret) : nothing}
        ${this.endpoints.length === 0 ? html`<p class="muted">No endpoint yet.</p>` : this.renderEndpoints()}
      </section>
      <demo-webhook-events .api=${this.api} .at=${this.at}></demo-webhook-events>`;
  }

  private renderSecret(secret: { endpoint: string; secret: string }) {
    return html`<div class="ok" role="status">
      <p>Signing secret of ${secret.endpoint}, shown this once: keep it with your receiver.</p>
      <pre data-secret>${secret.secret}</pre>
      <button type="button" @click=${() => {
        this.secret = null;
      }}>I have kept it</button>
    </div>`;
  }

  private renderEndpoints() {
    return html`<ul class="endpoints" aria-label="Endpoints">${this.endpoints.map(
      (endpoint) => html`<li data-endpoint=${endpoint.id}>
        <div class="row" style="justify-content: space-between; align-items: center">
          <code>${endpoint.url}</code>
          <span class="chip ${endpoint.enabled ? 'active' : 'failed'}">${
            endpoint.enabled ? 'enabled' : 'disabled'
          }</span>
        </div>
        <span class="muted">Events: ${endpoint.events.join(', ')}</span>
        ${endpoint.disabled_reason ? html`<span class="error">${endpoint.disabled_reason}</span>` : nothing}
        <div class="row">
          <button type="button" ?disabled=${this.busy} @click=${() => this.toggle(endpoint)}>
            ${endpoint.enabled ? 'Disable' : 'Enable'}
          </button>
          <button type="button" ?disabled=${this.busy} @click=${() => this.roll(endpoint)}>
            Roll secret
          </button>
        </div>
      </li>`,
    )}</ul>`;
  }
}
