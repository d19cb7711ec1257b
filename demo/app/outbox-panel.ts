/**
 * The outbox: every email and text the business's account sends, with its delivery state; a
 * message opens to its text and its delivery log (./outbox-detail.ts).
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { List, OutboxMessage, OutboxMessageDetail } from '../../shared/api/staff.ts';
import { type MoneyContext, when } from './format.ts';
import { outboxDetail, phoneText } from './outbox-detail.ts';
import type { StaffApi } from './staff-api.ts';
import { demoStyles } from './styles.ts';

const KINDS: Record<string, string> = {
  receipt: 'Receipt',
  payment_notice: 'Payment notice',
  estimate_decision: 'Estimate decision',
  question: 'Question',
  link: 'Payment link',
  webhook_disabled: 'Webhook disabled',
  reminder: 'Reminder',
  portal_access: 'Portal access',
  keyword_reply: 'Reply to STOP/HELP/START',
};

@customElement('demo-outbox')
export class DemoOutbox extends LitElement {
  static override styles = demoStyles;

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) at!: MoneyContext;
  @state() private emails: OutboxMessage[] = [];
  @state() private open: OutboxMessageDetail | null = null;
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.emails = (await this.api.get<List<OutboxMessage>>('/v1/outbox?limit=100')).data;
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private async show(email: OutboxMessage): Promise<void> {
    if (this.open?.id === email.id) {
      this.open = null;
      return;
    }
    this.open = await this.api.get<OutboxMessageDetail>(`/v1/outbox/${email.id}`);
  }

  override render() {
    return html`<section class="card" aria-labelledby="outbox-title">
      <div class="row" style="justify-content: space-between">
        <h2 id="outbox-title">Outbox</h2>
        <button type="button" @click=${() => this.load()}>Refresh</button>
      </div>
      <p class="muted">
        Email and texts. Without SMTP_URL (email) or with SMS_PROVIDER=outbox (texts), messages
        stay pending here: nothing leaves the server.
      </p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        this.emails.length === 0
          ? html`<p class="muted">No messages yet.</p>`
          : html`<div class="table-wrap"><table>
            <thead><tr><th>Created</th><th>By</th><th>Kind</th><th>To</th><th>Message</th><th>State</th></tr></thead>
            <tbody>${this.emails.map(
              (email) => html`<tr data-kind=${email.kind} data-channel=${email.channel}>
                  <td>${when(email.created, this.at.locale)}</td>
                  <td>${email.channel === 'sms' ? 'Text' : 'Email'}</td>
                  <td>${KINDS[email.kind] ?? email.kind}</td>
                  <td>${email.channel === 'sms' ? phoneText(email.to) : email.to}</td>
                  <td><button type="button" aria-expanded=${this.open?.id === email.id ? 'true' : 'false'}
                    @click=${() => this.show(email)}>${email.object === 'email' ? email.subject : 'Text message'}</button></td>
                  <td><span class="chip ${email.state}">${email.state}</span>${
                    email.object === 'text_message' && email.delivery_status
                      ? html` <span class="chip ${email.delivery_status}">${email.delivery_status}</span>`
                      : nothing
                  }</td>
                </tr>
                ${
                  this.open?.id === email.id
                    ? html`<tr><td colspan="6">${outboxDetail(this.open, this.at.locale)}</td></tr>`
                    : nothing
                }`,
            )}</tbody></table></div>`
      }
    </section>`;
  }
}
