/**
 * The staff demo page: sign in with the business's API key, then customers (balances, charges,
 * credits, invoices, links and their activity), settings with a live preview, payments with
 * refunds, and the outbox. Everything goes through the staff API, as an integrator's would.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Settings } from '../../shared/api/staff.ts';
import type { MoneyContext } from './format.ts';
import { StaffApi, StaffApiError } from './staff-api.ts';
import { demoStyles } from './styles.ts';
import './customers-panel.ts';
import './outbox-panel.ts';
import './payments-panel.ts';
import './settings-panel.ts';
import './staff-name.ts';
import './webhooks-panel.ts';

type Tab = 'customers' | 'settings' | 'payments' | 'outbox' | 'webhooks';
const TABS: { id: Tab; label: string }[] = [
  { id: 'customers', label: 'Customers' },
  { id: 'settings', label: 'Settings' },
  { id: 'payments', label: 'Payments' },
  { id: 'outbox', label: 'Outbox' },
  { id: 'webhooks', label: 'Webhooks' },
];

@customElement('demo-app')
export class DemoApp extends LitElement {
  static override styles = [
    demoStyles,
    css`
      :host {
        min-height: 100vh;
        background: #f3f4f6;
      }
      header {
        background: #0f172a;
        color: #fff;
        padding: 12px 24px;
        display: flex;
        flex-wrap: wrap;
        gap: 8px 24px;
        align-items: center;
      }
      header h1 {
        font-size: 1.05rem;
        margin: 0;
        flex: 1 1 auto;
      }
      header h1 span {
        font-weight: 400;
        color: #cbd5e1;
      }
      nav {
        display: flex;
        gap: 4px;
        flex-wrap: wrap;
      }
      nav button {
        background: transparent;
        border-color: transparent;
        color: #e2e8f0;
      }
      nav button[aria-current='page'] {
        background: #1e293b;
        border-color: #334155;
        color: #fff;
      }
      header .sign-out {
        background: transparent;
        color: #e2e8f0;
        border-color: #475569;
      }
      main {
        padding: 20px 24px 48px;
        max-width: 1280px;
        margin: 0 auto;
      }
      .sign-in {
        max-width: 28rem;
        margin: 10vh auto;
      }
      .sign-in form {
        display: grid;
        gap: 12px;
      }
      @media (max-width: 600px) {
        header,
        main {
          padding-left: 12px;
          padding-right: 12px;
        }
      }
    `,
  ];

  @state() private api: StaffApi | null = StaffApi.stored();
  @state() private settings: Settings | null = null;
  @state() private tab: Tab = 'customers';
  @state() private signInError = '';
  @state() private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.api) void this.loadSettings(this.api);
  }

  private get moneyContext(): MoneyContext {
    return {
      currency: this.settings?.currency ?? 'usd',
      locale: this.settings?.locale ?? 'en-US',
      timeZone: this.settings?.time_zone ?? 'UTC',
    };
  }

  private async loadSettings(api: StaffApi): Promise<boolean> {
    try {
      this.settings = await api.get<Settings>('/v1/settings');
      return true;
    } catch (error) {
      if (error instanceof StaffApiError && error.status === 401) {
        StaffApi.forget();
        this.api = null;
        this.signInError = 'That key was not accepted. Paste the API key `npm start` printed.';
      }
      return false;
    }
  }

  private async signIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const key = String(new FormData(form).get('key') ?? '').trim();
    if (!key) {
      this.signInError = 'Paste the API key first.';
      return;
    }
    this.busy = true;
    const api = new StaffApi(key);
    if (await this.loadSettings(api)) {
      api.remember();
      this.api = api;
      this.signInError = '';
    } else if (!this.signInError) {
      this.signInError = 'That key was not accepted.';
    }
    this.busy = false;
  }

  private signOut(): void {
    StaffApi.forget();
    this.api = null;
    this.settings = null;
  }

  override render() {
    if (!this.api) return this.renderSignIn();
    return html`
      <header>
        <h1>Pay Portal <span>· Staff demo${this.settings ? ` · ${this.settings.name}` : ''}</span></h1>
        <nav aria-label="Sections">
          ${TABS.map(
            (tab) => html`<button
              type="button"
              aria-current=${this.tab === tab.id ? 'page' : 'false'}
              @click=${() => {
                this.tab = tab.id;
              }}
            >
              ${tab.label}
            </button>`,
          )}
        </nav>
        <demo-staff-name></demo-staff-name>
        <button type="button" class="sign-out" @click=${this.signOut}>Sign out</button>
      </header>
      <main>${this.settings ? this.renderTab(this.api, this.settings) : html`<p>Loading…</p>`}</main>
    `;
  }

  private renderTab(api: StaffApi, settings: Settings) {
    const at = this.moneyContext;
    switch (this.tab) {
      case 'customers':
        return html`<demo-customers .api=${api} .at=${at}></demo-customers>`;
      case 'settings':
        return html`<demo-settings
          .api=${api}
          .settings=${settings}
          @settings-saved=${(event: CustomEvent<Settings>) => {
            this.settings = event.detail;
          }}
        ></demo-settings>`;
      case 'payments':
        return html`<demo-payments
          .api=${api}
          .at=${at}
          .refundTipAndFee=${settings.refund_tip_and_fee}
        ></demo-payments>`;
      case 'outbox':
        return html`<demo-outbox .api=${api} .at=${at}></demo-outbox>`;
      case 'webhooks':
        return html`<demo-webhooks .api=${api} .at=${at}></demo-webhooks>`;
    }
  }

  private renderSignIn() {
    return html`<main>
      <section class="card sign-in" aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">Pay Portal staff demo</h2>
        <p class="muted">
          Sign in with the demo business's API key: <code>npm start</code> prints it (it is also in
          <code>data/demo.json</code>). It is kept in this tab only.
        </p>
        <form @submit=${this.signIn}>
          <label>
            API key
            <input name="key" type="password" autocomplete="off" spellcheck="false" required />
          </label>
          ${
            this.signInError ? html`<p class="error" role="alert">${this.signInError}</p>` : nothing
          }
          <button class="primary" type="submit" ?disabled=${this.busy}>Sign in</button>
        </form>
      </section>
    </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-app': DemoApp;
  }
}
