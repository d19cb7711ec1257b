/** The outbox: every email the business's account sends, with its delivery state and text. */
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Email, EmailDetail, List } from '../../shared/api/staff.ts';
import { type MoneyContext, when } from './format.ts';
import type { StaffApi } from './staff-api.ts';
import { demoStyles } from './styles.ts';

const KINDS: Record<string, string> = {
  receipt: 'Receipt',
  payment_notice: 'Payment notice',
  estimate_decision: 'Estimate decision',
  question: 'Question',
  link: 'Payment link',
};

@customElement('demo-outbox')
export class DemoOutbox extends LitElement {
  static override styles = demoStyles;

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) at!: MoneyContext;
  @state() private emails: Email[] = [];
  @state() private open: { id: string; text: string } | null = null;
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.emails = (await this.api.get<List<Email>>('/v1/outbox?limit=100')).data;
    } catch (error) {
      this.error = (error as Error).message;
    }
  }

  private async show(email: Email): Promise<void> {
    if (this.open?.id === email.id) {
      this.open = null;
      return;
    }
    const detail = await this.api.get<EmailDetail>(`/v1/outbox/${email.id}`);
    this.open = { id: email.id, text: detail.text };
  }

  override render() {
    return html`<section class="card" aria-labelledby="outbox-title">
      <div class="row" style="justify-content: space-between">
        <h2 id="outbox-title">Outbox</h2>
        <button type="button" @click=${() => this.load()}>Refresh</button>
      </div>
      <p class="muted">Without SMTP_URL, messages stay pending here: nothing leaves the server.</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        this.emails.length === 0
          ? html`<p class="muted">No email yet.</p>`
          : html`<div class="table-wrap"><table>
            <thead><tr><th>Created</th><th>Kind</th><th>To</th><th>Subject</th><th>State</th></tr></thead>
            <tbody>${this.emails.map(
              (email) => html`<tr data-kind=${email.kind}>
                  <td>${when(email.created, this.at.locale)}</td>
                  <td>${KINDS[email.kind] ?? email.kind}</td>
                  <td>${email.to}</td>
                  <td><button type="button" aria-expanded=${this.open?.id === email.id ? 'true' : 'false'}
                    @click=${() => this.show(email)}>${email.subject}</button></td>
                  <td><span class="chip ${email.state}">${email.state}</span></td>
                </tr>
                ${
                  this.open?.id === email.id
                    ? html`<tr><td colspan="5"><pre>${this.open.text}</pre></td></tr>`
                    : nothing
                }`,
            )}</tbody></table></div>`
      }
    </section>`;
  }
}
