/**
 * A document the staff API serves behind the key (an invoice or estimate PDF): a plain link
 * could not send the key, so the button fetches it into a `blob:` URL and opens that in a new
 * tab, and leaves a download link beside it. Each click fetches afresh (a signed estimate's PDF
 * changes); the previous URL is revoked, and the last one when the button goes away.
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { StaffApi } from './staff-api.ts';
import { demoStyles } from './styles.ts';

@customElement('demo-file-button')
export class DemoFileButton extends LitElement {
  static override styles = [
    demoStyles,
    css`
      :host {
        display: inline-flex;
        flex-wrap: wrap;
        gap: 4px 8px;
        align-items: center;
      }
      a {
        font-size: 0.8125rem;
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  /** The staff API path, e.g. `/v1/estimates/est_…/pdf`. */
  @property() path = '';
  /** The name a download is saved under. */
  @property() filename = 'document.pdf';
  @property() label = 'PDF';
  @state() private url: string | null = null;
  @state() private busy = false;
  @state() private error = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.url) URL.revokeObjectURL(this.url);
    this.url = null;
  }

  private async open(): Promise<void> {
    this.busy = true;
    this.error = '';
    try {
      const url = await this.api.objectUrl(this.path);
      if (this.url) URL.revokeObjectURL(this.url);
      this.url = url;
      const link = document.createElement('a');
      link.href = url;
      link.target = '_blank';
      link.rel = 'noopener';
      link.click();
    } catch (error) {
      this.error = (error as Error).message;
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<button type="button" ?disabled=${this.busy} @click=${this.open}>
        ${this.busy ? 'Loading…' : this.label}
      </button>
      ${
        this.url
          ? html`<a href=${this.url} download=${this.filename}>Download ${this.filename}</a>`
          : nothing
      }
      ${this.error ? html`<span class="error" role="alert">${this.error}</span>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-file-button': DemoFileButton;
  }
}
