/**
 * The business's settings that shape the portal: branding, tips, partial payments, convenience
 * fees, allowed embedding origins. Saving reloads a staff preview of a live link beside the form,
 * so staff see the portal change. Fires `settings-saved` with the saved settings.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type {
  ConvenienceFee,
  Customer,
  List,
  PaymentLink,
  Settings,
} from '../../shared/api/staff.ts';
import { plainAmount, typedMoney } from './format.ts';
import type { StaffApi } from './staff-api.ts';
import { demoStyles } from './styles.ts';

@customElement('demo-settings')
export class DemoSettings extends LitElement {
  static override styles = [
    demoStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr) 400px;
        gap: 20px;
        align-items: start;
      }
      @media (max-width: 1000px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      form {
        display: grid;
        gap: 16px;
      }
      .warning {
        margin: 0;
        padding: 8px 10px;
        border-left: 4px solid #b45309;
        background: #fffbeb;
        color: #78350f;
        font-size: 0.875rem;
      }
      fieldset {
        border: 1px solid var(--border);
        border-radius: 8px;
        padding: 12px;
        margin: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
        gap: 10px;
      }
      legend {
        font-weight: 600;
        padding: 0 4px;
      }
      .wide {
        grid-column: 1 / -1;
      }
      input[type='color'] {
        width: 4rem;
        height: 2.25rem;
        padding: 2px;
      }
      .preview-pick {
        margin-bottom: 12px;
      }
      iframe {
        width: 100%;
        max-width: 390px;
        height: 780px;
        border: 1px solid var(--border);
        border-radius: 12px;
        background: #f3f4f6;
        display: block;
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) settings!: Settings;
  @state() private message = '';
  @state() private failed = false;
  @state() private previewToken: string | null = null;
  @state() private previewChoices: { token: string; name: string }[] = [];
  @state() private previewVersion = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.findPreviewLink();
  }

  /** Live customer links to preview through, the oldest first (the demo's first customer). */
  private async findPreviewLink(): Promise<void> {
    const [links, customers] = await Promise.all([
      this.api.get<List<PaymentLink>>('/v1/payment_links?limit=100'),
      this.api.get<List<Customer>>('/v1/customers?limit=100'),
    ]);
    const names = new Map(customers.data.map((customer) => [customer.id, customer.name]));
    const seen = new Set<string>();
    this.previewChoices = links.data
      .filter((link) => link.status === 'active' && link.kind === 'customer' && link.url)
      .reverse()
      .filter((link) => !seen.has(link.customer) && seen.add(link.customer))
      .map((link) => ({
        token: link.url!.split('/p/')[1]!,
        name: names.get(link.customer) ?? link.customer,
      }));
    this.previewToken = this.previewChoices[0]?.token ?? null;
  }

  private patchFrom(data: FormData): Record<string, unknown> {
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const nullable = (name: string) => text(name) || null;
    const on = (name: string) => data.get(name) === 'on';
    const at = this.settings;
    const amount = (name: string, label: string) => {
      const value = typedMoney(text(name) || '0', at);
      if (value === null) throw new Error(`${label}: type an amount, e.g. 0.30`);
      return value;
    };
    const fee = (prefix: string, label: string): ConvenienceFee | null => {
      const percent = Number(text(`${prefix}_percent`) || '0');
      const fixed = amount(`${prefix}_fixed`, label);
      if (!Number.isFinite(percent)) throw new Error(`${label}: the percentage is not a number`);
      const percent_bps = Math.round(percent * 100);
      return percent_bps === 0 && fixed === 0 ? null : { percent_bps, fixed };
    };
    return {
      name: text('name'),
      branding: {
        logo_url: nullable('logo_url'),
        brand_color: text('brand_color'),
        address: nullable('address'),
        phone: nullable('phone'),
        email: nullable('email'),
      },
      tips: {
        enabled: on('tips_enabled'),
        percentages: text('tip_percentages')
          .split(/[\s,]+/)
          .filter(Boolean)
          .map(Number),
        custom: on('tips_custom'),
      },
      partial_payments: {
        enabled: on('partial_enabled'),
        minimum: amount('partial_minimum', 'Partial payment minimum'),
      },
      convenience_fees: {
        card: fee('card', 'Card fee'),
        us_bank_account: fee('bank', 'Bank account fee'),
      },
      allowed_origins: text('allowed_origins').split(/\s+/).filter(Boolean),
      notification_email: nullable('notification_email'),
      receipt_layout: text('receipt_layout') === 'thermal' ? 'thermal' : 'full',
    };
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    try {
      const saved = await this.api.patch<Settings>(
        '/v1/settings',
        this.patchFrom(new FormData(event.target as HTMLFormElement)),
      );
      this.failed = false;
      this.message = 'Saved. The preview shows the portal with the new settings.';
      this.previewVersion++;
      this.dispatchEvent(new CustomEvent('settings-saved', { detail: saved }));
    } catch (error) {
      this.failed = true;
      this.message = (error as Error).message;
    }
  }

  override render() {
    const s = this.settings;
    const feeField = (prefix: string, fee: ConvenienceFee | null) =>
      html`<label>Percent <input name="${prefix}_percent" inputmode="decimal"
          .value=${fee ? String(fee.percent_bps / 100) : ''} placeholder="0" /></label>
        <label>Fixed <input name="${prefix}_fixed" inputmode="decimal"
          .value=${fee?.fixed ? plainAmount(fee.fixed, s) : ''} placeholder="0.00" /></label>`;
    return html`<div class="layout">
      <section class="card" aria-labelledby="settings-title">
        <h2 id="settings-title">Settings</h2>
        <form @submit=${this.save}>
          <fieldset>
            <legend>Branding</legend>
            <label>Business name <input name="name" required .value=${s.name} /></label>
            <label>Brand colour <input name="brand_color" type="color" .value=${s.branding.brand_color}
              aria-describedby="brand-color-warning" /></label>
            ${(s.warnings ?? [])
              .filter((warning) => warning.param === 'branding.brand_color')
              .map(
                (warning) =>
                  html`<p class="wide warning" id="brand-color-warning" role="status">${warning.message}</p>`,
              )}
            <label class="wide">Logo URL (https) <input name="logo_url" type="url" .value=${s.branding.logo_url ?? ''} /></label>
            <label class="wide">Address <input name="address" .value=${s.branding.address ?? ''} /></label>
            <label>Phone <input name="phone" type="tel" .value=${s.branding.phone ?? ''} /></label>
            <label>Email <input name="email" type="email" .value=${s.branding.email ?? ''} /></label>
          </fieldset>
          <fieldset>
            <legend>Tips</legend>
            <label class="check"><input type="checkbox" name="tips_enabled" .checked=${s.tips.enabled} /> Offer tips</label>
            <label class="check"><input type="checkbox" name="tips_custom" .checked=${s.tips.custom} /> Custom amount</label>
            <label>Percentages <input name="tip_percentages" .value=${s.tips.percentages.join(', ')} /></label>
          </fieldset>
          <fieldset>
            <legend>Partial payments</legend>
            <label class="check"><input type="checkbox" name="partial_enabled" .checked=${s.partial_payments.enabled} /> Allow paying part of an invoice</label>
            <label>Minimum <input name="partial_minimum" inputmode="decimal"
              .value=${plainAmount(s.partial_payments.minimum, s)} /></label>
          </fieldset>
          <fieldset>
            <legend>Convenience fee: card</legend>
            ${feeField('card', s.convenience_fees.card)}
          </fieldset>
          <fieldset>
            <legend>Convenience fee: bank account</legend>
            ${feeField('bank', s.convenience_fees.us_bank_account)}
          </fieldset>
          <fieldset>
            <legend>Embedding and notifications</legend>
            <label class="wide">Allowed origins (one per line: sites that may embed the portal)
              <textarea name="allowed_origins" rows="3" placeholder="https://www.example.com"
                .value=${s.allowed_origins.join('\n')}></textarea></label>
            <label class="wide">Notification email <input name="notification_email" type="email"
              .value=${s.notification_email ?? ''} /></label>
          </fieldset>
          <fieldset>
            <legend>Receipts</legend>
            <label>Layout
              <select name="receipt_layout" .value=${s.receipt_layout ?? 'full'}>
                <option value="full" ?selected=${s.receipt_layout !== 'thermal'}>Full page (Letter/A4)</option>
                <option value="thermal" ?selected=${s.receipt_layout === 'thermal'}>80 mm thermal printer</option>
              </select></label>
          </fieldset>
          ${
            this.message
              ? html`<p class=${this.failed ? 'error' : 'ok'} role="status">${this.message}</p>`
              : nothing
          }
          <div><button class="primary" type="submit">Save settings</button></div>
        </form>
      </section>
      <section class="card" aria-labelledby="settings-preview-title">
        <h2 id="settings-preview-title">Portal preview</h2>
        ${this.previewChoices.length > 1 ? this.renderPreviewPick() : nothing}
        ${
          this.previewToken
            ? html`<iframe title="Portal preview"
              src="/p/${this.previewToken}?preview=1&v=${this.previewVersion}"></iframe>`
            : html`<p class="muted">Generate a customer link to preview the portal here.</p>`
        }
      </section>
    </div>`;
  }

  private renderPreviewPick() {
    return html`<label class="preview-pick"
      >As this customer sees it
      <select
        @change=${(event: Event) => {
          this.previewToken = (event.target as HTMLSelectElement).value;
        }}
      >
        ${this.previewChoices.map(
          (choice) =>
            html`<option value=${choice.token} ?selected=${choice.token === this.previewToken}>
              ${choice.name}
            </option>`,
        )}
      </select></label
    >`;
  }
}
