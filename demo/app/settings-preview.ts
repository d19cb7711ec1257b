/**
 * "Portal preview" beside the settings: a staff preview of a live customer link (the demo's
 * first customer's, or another picked by name), drawn again whenever `version` changes, so staff
 * see the portal as their saved settings make it.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Customer, List, PaymentLink } from '../../shared/api/staff.ts';
import type { StaffApi } from './staff-api.ts';
import { demoStyles } from './styles.ts';

@customElement('demo-settings-preview')
export class DemoSettingsPreview extends LitElement {
  static override styles = [
    demoStyles,
    css`
      :host {
        display: block;
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
  /** Counts the saves: the preview loads again when it changes. */
  @property({ attribute: false }) version = 0;
  @state() private previewToken: string | null = null;
  @state() private previewChoices: { token: string; name: string }[] = [];

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

  override render() {
    return html`<section class="card" aria-labelledby="settings-preview-title">
      <h2 id="settings-preview-title">Portal preview</h2>
      ${this.previewChoices.length > 1 ? this.renderPreviewPick() : nothing}
      ${
        this.previewToken
          ? html`<iframe title="Portal preview"
            src="/p/${this.previewToken}?preview=1&v=${this.version}"></iframe>`
          : html`<p class="muted">Generate a customer link to preview the portal here.</p>`
      }
    </section>`;
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

declare global {
  interface HTMLElementTagNameMap {
    'demo-settings-preview': DemoSettingsPreview;
  }
}
