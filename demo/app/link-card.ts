/**
 * One payment link: its URL and state; copy (recorded as "copied"), send by email or by text
 * (through the outbox), regenerate, revoke; a staff preview; the embed snippets (link-embed.ts);
 * and the activity timeline (link-activity.ts).
 * Fires `link-changed` when the link itself changed and `preview-link` with the preview's URL.
 */
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type {
  Estimate,
  LinkEvent,
  List,
  PaymentLink,
  SentLinkEvent,
} from '../../shared/api/staff.ts';
import type { DemoConfirmDialog } from './confirm-dialog.ts';
import './confirm-dialog.ts';
import type { MoneyContext } from './format.ts';
import { linkActivityStyles, renderLinkActivity } from './link-activity.ts';
import './link-embed.ts';
import { phoneText } from './outbox-detail.ts';
import type { StaffApi } from './staff-api.ts';
import { demoStyles } from './styles.ts';

@customElement('demo-link-card')
export class DemoLinkCard extends LitElement {
  static override styles = [
    demoStyles,
    linkActivityStyles,
    css`
      :host {
        display: block;
        border: 1px solid var(--border);
        border-radius: 8px;
        padding: 12px;
      }
      .top {
        display: flex;
        justify-content: space-between;
        gap: 8px;
        align-items: center;
        margin-bottom: 8px;
      }
      .url {
        width: 100%;
        font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
        font-size: 0.8125rem;
        margin-bottom: 8px;
      }
    `,
  ];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) link!: PaymentLink;
  @property({ attribute: false }) revision = 0;
  @property({ attribute: false }) invoiceNumber: string | null = null;
  /** The business's currency and locale, for the activity's figures. */
  @property({ attribute: false }) at: MoneyContext | null = null;
  /** An estimate link's estimate number (EST-0001), read once. */
  @state() private estimateNumber: string | null = null;
  /** The customer's email, what "Send by email" offers first. */
  @property({ attribute: false }) customerEmail: string | null = null;
  /** The customer's phone, what "Send by text" offers first. */
  @property({ attribute: false }) customerPhone: string | null = null;
  @state() private textTo = '';
  @query('#text-dialog') private textDialog!: DemoConfirmDialog;
  @state() private events: LinkEvent[] = [];
  @state() private notice = '';
  @state() private failed = false;
  @state() private sendTo = '';
  @query('#revoke-dialog') private revokeDialog!: DemoConfirmDialog;
  @query('#send-dialog') private sendDialog!: DemoConfirmDialog;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('revision') || changed.has('link')) void this.loadEvents();
  }

  private async loadEvents(): Promise<void> {
    const list = await this.api.get<List<LinkEvent>>(`/v1/payment_links/${this.link.id}/events`);
    this.events = list.data;
    if (this.link.estimate && !this.estimateNumber) {
      const estimate = await this.api.get<Estimate>(`/v1/estimates/${this.link.estimate}`);
      this.estimateNumber = estimate.number;
    }
  }

  private get token(): string {
    return this.link.url?.split('/p/')[1] ?? '';
  }

  private say(text: string, failed = false): void {
    this.notice = text;
    this.failed = failed;
  }

  private async act(run: () => Promise<string>): Promise<void> {
    try {
      this.say(await run());
    } catch (error) {
      this.say((error as Error).message, true);
    }
  }

  private copy(): Promise<void> {
    return this.act(async () => {
      const url = this.link.url ?? '';
      let copied = false;
      try {
        await navigator.clipboard.writeText(url);
        copied = true;
      } catch {
        const input = this.renderRoot.querySelector<HTMLInputElement>('.url');
        input?.select();
        copied = document.execCommand('copy');
      }
      if (!copied) return 'Select the URL and copy it by hand.';
      await this.api.post(`/v1/payment_links/${this.link.id}/events`, { type: 'copied' });
      await this.loadEvents();
      return 'Copied to the clipboard.';
    });
  }

  private async send(): Promise<void> {
    this.sendTo = this.customerEmail ?? '';
    if (!(await this.sendDialog.ask())) return;
    const to = this.sendTo.trim();
    return this.act(async () => {
      const sent = await this.api.post<SentLinkEvent>(`/v1/payment_links/${this.link.id}/send`, {
        to,
      });
      await this.loadEvents();
      return `Queued in the outbox for ${String(sent.detail?.to ?? to)}.`;
    });
  }

  /** Only to a number with consent: the server says so (422) when there is none. */
  private async sendText(): Promise<void> {
    this.textTo = this.customerPhone ?? '';
    if (!(await this.textDialog.ask())) return;
    const to = this.textTo.trim();
    return this.act(async () => {
      const sent = await this.api.post<SentLinkEvent>(`/v1/payment_links/${this.link.id}/send`, {
        channel: 'sms',
        ...(to ? { to } : {}),
      });
      await this.loadEvents();
      return `Text queued in the outbox for ${phoneText(String(sent.detail?.to ?? to))}.`;
    });
  }

  private async revoke(): Promise<void> {
    if (await this.revokeDialog.ask()) await this.changeLink('revoke');
  }

  private changeLink(action: 'regenerate' | 'revoke'): Promise<void> {
    return this.act(async () => {
      await this.api.post(`/v1/payment_links/${this.link.id}/${action}`);
      this.dispatchEvent(new CustomEvent('link-changed', { bubbles: true, composed: true }));
      return action === 'regenerate' ? 'New URL made: the old one no longer works.' : 'Revoked.';
    });
  }

  private renderDialogs() {
    const what =
      this.link.kind === 'invoice'
        ? `the link to invoice ${this.invoiceNumber ?? ''}`
        : `the ${this.link.kind} link`;
    return html`<demo-confirm-dialog
        id="send-dialog"
        heading="Send by email"
        confirm-label="Send email"
      >
        <p>An email with ${what} goes to this address, through the outbox.</p>
        <label
          >To
          <input
            type="email"
            name="send-to"
            required
            autocomplete="off"
            .value=${this.sendTo}
            @input=${(event: InputEvent) => {
              this.sendTo = (event.target as HTMLInputElement).value;
            }}
        /></label>
      </demo-confirm-dialog>
      <demo-confirm-dialog id="text-dialog" heading="Send by text" confirm-label="Send text">
        <p>
          A text with ${what} goes to this number, through the outbox, if the customer agreed to
          texts at it (in the portal, or recorded by staff) and has not replied STOP.
        </p>
        <label
          >Mobile number
          <input
            type="tel"
            name="text-to"
            autocomplete="off"
            placeholder="Their consented number"
            .value=${this.textTo}
            @input=${(event: InputEvent) => {
              this.textTo = (event.target as HTMLInputElement).value;
            }}
        /></label>
      </demo-confirm-dialog>
      <demo-confirm-dialog
        id="revoke-dialog"
        heading="Revoke ${what}?"
        confirm-label="Revoke link"
        danger
      >
        <p>
          The URL stops working at once: whoever opens it, the customer included, is told the link
          is no longer valid, and cannot pay through it. This cannot be undone; make a new link to
          reach the customer again.
        </p>
      </demo-confirm-dialog>`;
  }

  private preview(): void {
    const url = `/p/${this.token}?preview=1`;
    this.dispatchEvent(
      new CustomEvent('preview-link', { detail: url, bubbles: true, composed: true }),
    );
  }

  override render() {
    const { link } = this;
    const active = link.status === 'active';
    const title =
      link.kind === 'invoice'
        ? `Invoice ${this.invoiceNumber ?? ''} link`
        : link.kind === 'estimate'
          ? `Estimate ${this.estimateNumber ?? ''} link`
          : 'Customer link';
    return html`
      <div class="top">
        <strong>${title}</strong>
        <span class="chip ${link.status}" data-testid="link-status">${link.status}</span>
      </div>
      <input class="url" readonly aria-label="Link URL" .value=${link.url ?? 'URL unavailable'} />
      <div class="row">
        <button type="button" ?disabled=${!active} @click=${this.copy}>Copy</button>
        <button type="button" ?disabled=${!active} @click=${this.send}>Send by email</button>
        <button type="button" ?disabled=${!active} @click=${this.sendText}>Send by text</button>
        <button type="button" ?disabled=${!active} @click=${() => this.changeLink('regenerate')}>
          Regenerate
        </button>
        <button type="button" class="danger" ?disabled=${link.status === 'revoked'}
          @click=${this.revoke}>Revoke</button>
        <button type="button" ?disabled=${!active} @click=${this.preview}>Preview</button>
        ${
          active
            ? html`<a href="/p/${this.token}?preview=1" target="_blank" rel="noopener noreferrer"
              >Open preview in a new tab</a
            >`
            : nothing
        }
      </div>
      ${
        this.notice
          ? html`<p class=${this.failed ? 'error' : 'ok'} role="status">${this.notice}</p>`
          : nothing
      }
      ${active ? html`<demo-link-embed token=${this.token}></demo-link-embed>` : nothing}
      ${this.renderDialogs()}
      <h3>Activity</h3>
      ${renderLinkActivity(this.events, this.at)}
    `;
  }
}
