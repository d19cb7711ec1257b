/**
 * The business's settings, all that `PATCH /v1/settings` takes: name, currency, locale, branding,
 * tips, partial payments, convenience fees, link expiry, invoice terms, allowed embedding origins,
 * the notification email and the refund rule; each mistake said in words beside its field
 * (demo/app/settings-form.ts). Saving reloads a staff preview of a live link beside the form
 * (settings-preview.ts), so staff see the portal change. Fires `settings-saved` with the saved settings.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConvenienceFee, Settings } from '../../shared/api/staff.ts';
import { plainAmount } from './format.ts';
import {
  type FieldErrors,
  fieldOfParam,
  readSettingsForm,
  wordsForServerError,
} from './settings-form.ts';
import { type StaffApi, StaffApiError } from './staff-api.ts';
import { demoStyles, settingsFieldStyles } from './styles.ts';
import './logo-upload.ts';
import './reminder-settings.ts';
import './settings-preview.ts';

@customElement('demo-settings')
export class DemoSettings extends LitElement {
  static override styles = [
    demoStyles,
    settingsFieldStyles,
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
      input[type='color'] {
        width: 4rem;
        height: 2.25rem;
        padding: 2px;
      }
      .field-error {
        color: #b91c1c;
        font-size: 0.8125rem;
        font-weight: 400;
      }
      [aria-invalid='true'] {
        border-color: #b91c1c;
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) settings!: Settings;
  @state() private message = '';
  @state() private errors: FieldErrors = new Map();
  @state() private failed = false;
  @state() private previewVersion = 0;

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const { patch, errors } = readSettingsForm(
      new FormData(event.target as HTMLFormElement),
      this.settings,
    );
    this.errors = errors;
    if (errors.size > 0) {
      this.failed = true;
      this.message = 'Nothing was saved: correct the fields marked below.';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    try {
      const saved = await this.api.patch<Settings>('/v1/settings', patch);
      this.failed = false;
      this.message = 'Saved. The preview shows the portal with the new settings.';
      this.previewVersion++;
      this.dispatchEvent(new CustomEvent('settings-saved', { detail: saved }));
    } catch (error) {
      this.failed = true;
      if (error instanceof StaffApiError) {
        const { param, code, message } = error.body;
        this.errors = new Map([[fieldOfParam(param), wordsForServerError(param, code, message)]]);
        this.message = 'Nothing was saved: correct the field marked below.';
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      } else {
        this.message = (error as Error).message;
      }
    }
  }

  /** A logo uploaded or removed: saved already, so the preview and the page follow. */
  private logoChanged = (event: CustomEvent<Settings>): void => {
    this.previewVersion++;
    this.dispatchEvent(new CustomEvent('settings-saved', { detail: event.detail }));
  };

  private invalid(name: string): 'true' | 'false' {
    return this.errors.has(name) ? 'true' : 'false';
  }

  private described(name: string) {
    return this.errors.has(name) ? `error-${name}` : nothing;
  }

  /** The field's mistake in words, right under it, linked by aria-describedby. */
  private error(name: string) {
    const words = this.errors.get(name);
    return words ? html`<span class="field-error" id="error-${name}">${words}</span>` : nothing;
  }

  /** A text input with its label and its mistake. */
  private input(
    name: string,
    label: string,
    value: string,
    options: { type?: string; wide?: boolean; mode?: string; placeholder?: string } = {},
  ) {
    return html`<label class=${options.wide ? 'wide' : ''}
      >${label}
      <input
        name=${name}
        type=${options.type ?? 'text'}
        inputmode=${options.mode ?? nothing}
        placeholder=${options.placeholder ?? nothing}
        aria-invalid=${this.invalid(name)}
        aria-describedby=${this.described(name)}
        .value=${value}
      />${this.error(name)}</label
    >`;
  }

  override render() {
    const s = this.settings;
    const feeField = (prefix: string, label: string, fee: ConvenienceFee | null) =>
      html`${this.input(`${prefix}_percent`, `${label} percent`, fee ? String(fee.percent_bps / 100) : '', { mode: 'decimal', placeholder: '0' })}
        ${this.input(`${prefix}_fixed`, `${label} fixed`, fee?.fixed ? plainAmount(fee.fixed, s) : '', { mode: 'decimal', placeholder: '0.00' })}`;
    return html`<div class="layout">
      <section class="card" aria-labelledby="settings-title">
        <h2 id="settings-title">Settings</h2>
        <form @submit=${this.save} novalidate>
          <fieldset>
            <legend>Business</legend>
            ${this.input('name', 'Business name', s.name)}
            ${this.input('currency', 'Currency', s.currency.toUpperCase(), { placeholder: 'USD' })}
            ${this.input('locale', 'Language and region', s.locale, { placeholder: 'en-US' })}
          </fieldset>
          <fieldset>
            <legend>Branding</legend>
            <label>Brand colour <input name="brand_color" type="color" .value=${s.branding.brand_color}
              aria-describedby="brand-color-warning" /></label>
            ${(s.warnings ?? [])
              .filter((warning) => warning.param === 'branding.brand_color')
              .map(
                (warning) =>
                  html`<p class="wide warning" id="brand-color-warning" role="status">${warning.message}</p>`,
              )}
            <demo-logo-upload class="wide" .api=${this.api} .settings=${s}
              @logo-changed=${this.logoChanged}></demo-logo-upload>
            ${this.input('logo_url', 'Logo URL (https), or the uploaded logo', s.branding.logo_url ?? '', { type: 'url', wide: true })}
            ${this.input('address', 'Address', s.branding.address ?? '', { wide: true })}
            ${this.input('phone', 'Phone', s.branding.phone ?? '', { type: 'tel' })}
            ${this.input('email', 'Email', s.branding.email ?? '', { type: 'email' })}
          </fieldset>
          <fieldset>
            <legend>Tips</legend>
            <label class="check"><input type="checkbox" name="tips_enabled" .checked=${s.tips.enabled} /> Offer tips</label>
            <label class="check"><input type="checkbox" name="tips_custom" .checked=${s.tips.custom} /> Custom amount</label>
            ${this.input('tip_percentages', 'Percentages', s.tips.percentages.join(', '))}
          </fieldset>
          <fieldset>
            <legend>Partial payments</legend>
            <label class="check"><input type="checkbox" name="partial_enabled" .checked=${s.partial_payments.enabled} /> Allow paying part of an invoice</label>
            ${this.input('partial_minimum', 'Minimum', plainAmount(s.partial_payments.minimum, s), { mode: 'decimal' })}
          </fieldset>
          <fieldset>
            <legend>Convenience fee: card</legend>
            ${feeField('card', 'Card fee', s.convenience_fees.card)}
          </fieldset>
          <fieldset>
            <legend>Convenience fee: bank account</legend>
            ${feeField('bank', 'Bank fee', s.convenience_fees.us_bank_account)}
          </fieldset>
          <fieldset>
            <legend>Convenience fee: PayPal (when PayPal is set up)</legend>
            ${feeField('paypal', 'PayPal fee', s.convenience_fees.paypal)}
          </fieldset>
          <fieldset>
            <legend>Links and invoices</legend>
            ${this.input('link_expiry_days', 'Links expire after (days; empty: never)', s.link_expiry_days ? String(s.link_expiry_days) : '', { mode: 'numeric' })}
            <label class="wide">Invoice terms (printed on every invoice)
              <textarea name="invoice_terms" rows="2" aria-invalid=${this.invalid('invoice_terms')}
                aria-describedby=${this.described('invoice_terms')}
                .value=${s.invoice_terms ?? ''}></textarea>${this.error('invoice_terms')}</label>
          </fieldset>
          <fieldset>
            <legend>Embedding and notifications</legend>
            <label class="wide">Allowed origins (one per line: sites that may embed the portal)
              <textarea name="allowed_origins" rows="3" placeholder="https://www.example.com"
                aria-invalid=${this.invalid('allowed_origins')}
                aria-describedby=${this.described('allowed_origins')}
                .value=${s.allowed_origins.join('\n')}></textarea>${this.error('allowed_origins')}</label>
            ${this.input('notification_email', 'Notification email', s.notification_email ?? '', { type: 'email', wide: true })}
          </fieldset>
          <fieldset>
            <legend>Refunds: the tip and fee</legend>
            <label class="check wide"><input type="radio" name="refund_tip_and_fee" value="last"
              .checked=${s.refund_tip_and_fee === 'last'} /> Give them back last: a part refund
              gives back what was owed first</label>
            <label class="check wide"><input type="radio" name="refund_tip_and_fee"
              value="in_proportion" .checked=${s.refund_tip_and_fee === 'in_proportion'} /> Give
              them back in proportion: each refund returns its share of the tip and fee</label>
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
          ${this.error('form')}
          <div><button class="primary" type="submit">Save settings</button></div>
        </form>
        <demo-reminder-settings .api=${this.api}></demo-reminder-settings>
      </section>
      <demo-settings-preview .api=${this.api} .version=${this.previewVersion}></demo-settings-preview>
    </div>`;
  }
}
