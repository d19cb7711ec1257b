/**
 * The settings' logo upload (issue 15: "branding with a logo upload or URL"): the logo as it is
 * now, a file picker that sends a PNG or JPEG to `PUT /v1/settings/logo`, and "Remove uploaded
 * logo". Too large or the wrong kind is said beside the picker before anything is sent, and the
 * server's refusal in the same words. Fires `logo-changed` with the saved settings.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Settings } from '../../shared/api/staff.ts';
import { type StaffApi, StaffApiError } from './staff-api.ts';
import { demoStyles } from './styles.ts';

const MAX_BYTES = 256 * 1024;
const WORDS: Record<string, string> = {
  logo_too_large: 'The logo can be at most 256 KB.',
  logo_unsupported: 'The logo must be a PNG or JPEG image.',
};

@customElement('demo-logo-upload')
export class DemoLogoUpload extends LitElement {
  static override styles = [
    demoStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: 8px 12px;
        align-items: center;
      }
      .logo {
        width: 56px;
        height: 56px;
        object-fit: contain;
        border: 1px solid var(--border);
        border-radius: 8px;
        background: #fff;
      }
      .none {
        display: grid;
        place-items: center;
        color: var(--muted);
        font-size: 0.75rem;
      }
      .field-error {
        color: #b91c1c;
        font-size: 0.8125rem;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) settings!: Settings;
  @state() private error = '';
  @state() private busy = false;
  @state() private status = '';

  private get uploaded(): boolean {
    return /\/logos\/[0-9a-f]{32}\.(png|jpg)$/.test(this.settings.branding.logo_url ?? '');
  }

  private async pick(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.type !== 'image/png' && file.type !== 'image/jpeg') {
      this.error = WORDS.logo_unsupported!;
      return;
    }
    if (file.size > MAX_BYTES) {
      this.error = WORDS.logo_too_large!;
      return;
    }
    await this.send(() => this.api.upload<Settings>('/v1/settings/logo', file), 'Logo uploaded.');
  }

  private async send(call: () => Promise<Settings>, done: string): Promise<void> {
    this.busy = true;
    this.error = '';
    this.status = '';
    try {
      const saved = await call();
      this.status = done;
      this.dispatchEvent(
        new CustomEvent('logo-changed', { detail: saved, bubbles: true, composed: true }),
      );
    } catch (error) {
      const body = error instanceof StaffApiError ? error.body : null;
      this.error = (body && WORDS[body.code]) ?? body?.message ?? String(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const url = this.settings.branding.logo_url;
    return html`${
      url
        ? html`<img class="logo" src=${url} alt="The logo now" />`
        : html`<span class="logo none">No logo</span>`
    }
      <div>
        <div class="row">
          <label
            >Upload a logo (PNG or JPEG, at most 256 KB)
            <input
              type="file"
              name="logo_file"
              accept="image/png,image/jpeg"
              ?disabled=${this.busy}
              aria-invalid=${this.error ? 'true' : 'false'}
              aria-describedby=${this.error ? 'logo-error' : nothing}
              @change=${this.pick}
          /></label>
          ${
            this.uploaded
              ? html`<button
                  type="button"
                  ?disabled=${this.busy}
                  @click=${() =>
                    this.send(
                      () => this.api.del<Settings>('/v1/settings/logo'),
                      'Uploaded logo removed.',
                    )}
                >
                  Remove uploaded logo
                </button>`
              : nothing
          }
        </div>
        ${this.error ? html`<span class="field-error" id="logo-error">${this.error}</span>` : nothing}
        <span class="muted" role="status">${this.status}</span>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-logo-upload': DemoLogoUpload;
  }
}
