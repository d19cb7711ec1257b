/**
 * One estimate as staff follow it: status, figures, validity, deposit asked and paid; the
 * customer's decision (approved or declined, when, why) with the signature (the typed name, or
 * the drawn PNG fetched with the key); the questions asked; the estimate's PDF and the invoice's;
 * "Turn into invoice" once approved; "Create link" while it can still be decided.
 * Fires `estimate-changed` when it made something (an invoice, a link).
 */
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Estimate, EstimateQuestion, Invoice, List } from '../../shared/api/staff.ts';
import { estimateCardStyles } from './estimate-card.styles.ts';
import { type MoneyContext, money, when } from './format.ts';
import { rowCardStyles } from './row-cards.styles.ts';
import type { StaffApi } from './staff-api.ts';
import { demoStyles } from './styles.ts';
import './file-button.ts';

const day = (date: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );

@customElement('demo-estimate-card')
export class DemoEstimateCard extends LitElement {
  static override styles = [demoStyles, rowCardStyles(), estimateCardStyles];

  @property({ attribute: false }) api!: StaffApi;
  @property({ attribute: false }) at!: MoneyContext;
  @property({ attribute: false }) estimate!: Estimate;
  @property({ attribute: false }) revision = 0;
  /** The invoice it became, when the customer's invoices are known. */
  @property({ attribute: false }) invoice: Invoice | null = null;
  @state() private questions: EstimateQuestion[] = [];
  @state() private signatureUrl: string | null = null;
  @state() private notice = '';
  @state() private failed = false;
  @state() private busy = false;
  private signatureOf: string | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('revision') || changed.has('estimate')) void this.loadQuestions();
    if (changed.has('estimate')) void this.loadSignature();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.signatureUrl) URL.revokeObjectURL(this.signatureUrl);
    this.signatureUrl = null;
    this.signatureOf = null;
  }

  private async loadQuestions(): Promise<void> {
    try {
      const list = await this.api.get<List<EstimateQuestion>>(
        `/v1/estimates/${this.estimate.id}/questions`,
      );
      this.questions = list.data;
    } catch {
      // Shown again on the next refresh; the card itself stays useful.
    }
  }

  /** The drawn PNG, fetched once per estimate (a decision never changes). */
  private async loadSignature(): Promise<void> {
    const { id, decision } = this.estimate;
    if (decision?.signature?.type !== 'drawn' || this.signatureOf === id) return;
    this.signatureOf = id;
    try {
      const url = await this.api.objectUrl(`/v1/estimates/${id}/signature.png`);
      if (this.signatureUrl) URL.revokeObjectURL(this.signatureUrl);
      this.signatureUrl = url;
    } catch (error) {
      this.signatureOf = null;
      this.say((error as Error).message, true);
    }
  }

  private say(text: string, failed = false): void {
    this.notice = text;
    this.failed = failed;
  }

  private async act(run: () => Promise<string>): Promise<void> {
    this.busy = true;
    try {
      this.say(await run());
      this.dispatchEvent(new CustomEvent('estimate-changed', { bubbles: true, composed: true }));
    } catch (error) {
      this.say((error as Error).message, true);
    } finally {
      this.busy = false;
    }
  }

  private toInvoice(): Promise<void> {
    return this.act(async () => {
      const invoice = await this.api.post<Invoice>(`/v1/estimates/${this.estimate.id}/invoice`);
      const deposit = this.estimate.deposit_paid;
      return deposit > 0
        ? `Invoice ${invoice.number} created; the ${money(deposit, this.at)} deposit is credited to it.`
        : `Invoice ${invoice.number} created.`;
    });
  }

  private createLink(): Promise<void> {
    return this.act(async () => {
      await this.api.post('/v1/payment_links', { estimate: this.estimate.id });
      return 'Estimate link created: see Payment links below to copy or send it.';
    });
  }

  override render() {
    const { estimate, at } = this;
    const locale = navigator.language;
    const decidable = estimate.status === 'pending' && !estimate.expired;
    return html`<div class="cards">
      <div class="top">
        <span class="title">
          <strong>${estimate.number}</strong>
          <span class="chip ${estimate.status}" data-testid="estimate-status">${estimate.status}</span>
          ${estimate.expired && estimate.status === 'pending' ? html`<span class="chip expired">expired</span>` : nothing}
          ${estimate.invoice ? html`<span class="chip paid">invoiced</span>` : nothing}
        </span>
        <span class="total">${money(estimate.total, at)}</span>
      </div>
      <p class="muted facts">
        Created ${day(estimate.created.slice(0, 10), locale)} · Valid until
        ${day(estimate.valid_until, locale)}${this.depositText()}
      </p>
      <details>
        <summary>${estimate.lines.length} ${estimate.lines.length === 1 ? 'line' : 'lines'}</summary>
        ${this.renderLines()}
      </details>
      ${this.renderDecision()}
      ${this.renderQuestions()}
      <div class="row">
        <demo-file-button .api=${this.api} path="/v1/estimates/${estimate.id}/pdf"
          filename="${estimate.number}.pdf" label="Estimate PDF"></demo-file-button>
        ${
          estimate.invoice
            ? html`<demo-file-button .api=${this.api} path="/v1/invoices/${estimate.invoice}/pdf"
                filename="${this.invoice?.number ?? 'invoice'}.pdf"
                label=${this.invoice ? `Invoice ${this.invoice.number} PDF` : 'Invoice PDF'}
              ></demo-file-button>`
            : nothing
        }
        ${
          estimate.status === 'approved' && !estimate.invoice
            ? html`<button type="button" class="primary" ?disabled=${this.busy}
                @click=${this.toInvoice}>Turn into invoice</button>`
            : nothing
        }
        ${
          decidable
            ? html`<button type="button" ?disabled=${this.busy} @click=${this.createLink}>
                Create link</button>`
            : nothing
        }
      </div>
      ${
        this.notice
          ? html`<p class=${this.failed ? 'error' : 'ok'} role="status">${this.notice}</p>`
          : nothing
      }
    </div>`;
  }

  /** " · Deposit $500.00", and once approved whether it was paid. */
  private depositText(): string {
    const { deposit_amount: asked, deposit_paid: paid, status } = this.estimate;
    if (asked === 0) return '';
    const deposit = ` · Deposit ${money(asked, this.at)}`;
    if (status !== 'approved') return deposit;
    if (paid >= asked) return `${deposit}, paid`;
    if (paid > 0) return `${deposit}, ${money(paid, this.at)} paid`;
    return this.estimate.invoice
      ? `${deposit}, not paid before invoicing`
      : `${deposit}, not paid yet`;
  }

  private renderLines() {
    const { estimate, at } = this;
    // A card per line where the estimate card is narrow (row-cards.styles.ts); a table for a
    // screen reader either way.
    return html`<div class="table-wrap"><table role="table" class="cards-table">
      <thead role="rowgroup"><tr role="row"><th role="columnheader">Description</th>
        <th role="columnheader" class="num">Qty</th><th role="columnheader" class="num">Unit</th>
        <th role="columnheader" class="num">Tax</th><th role="columnheader" class="num">Amount</th>
      </tr></thead>
      <tbody role="rowgroup">${estimate.lines.map(
        (line) => html`<tr role="row" class="item">
          <td role="cell" class="lead">${line.description}</td>
          <td role="cell" class="num fact" data-label="Qty">${line.quantity}</td>
          <td role="cell" class="num fact" data-label="Unit price">${money(line.unit_amount, at)}</td>
          <td role="cell" class="num fact" data-label="Tax">${line.tax_rate / 100}%</td>
          <td role="cell" class="num figure">${money(line.amount, at)}</td>
        </tr>`,
      )}</tbody>
      <tfoot role="rowgroup">
        <tr role="row"><td role="cell" colspan="4">Subtotal</td>
          <td role="cell" class="num">${money(estimate.subtotal, at)}</td></tr>
        <tr role="row"><td role="cell" colspan="4">Tax</td>
          <td role="cell" class="num">${money(estimate.tax, at)}</td></tr>
        <tr role="row"><td role="cell" colspan="4"><strong>Total</strong></td>
          <td role="cell" class="num"><strong>${money(estimate.total, at)}</strong></td></tr>
      </tfoot>
    </table></div>
    ${estimate.terms ? html`<p class="muted">Terms: ${estimate.terms}</p>` : nothing}`;
  }

  private renderDecision() {
    const decision = this.estimate.decision;
    if (!decision) {
      return html`<p class="muted">Waiting for the customer's decision.</p>`;
    }
    const signature = decision.signature;
    const verb = decision.decision === 'approved' ? 'Approved' : 'Declined';
    return html`<div class="decision ${decision.decision}" data-testid="estimate-decision">
      <p><strong>${verb}</strong> on
        <time datetime=${decision.decided_at}>${when(decision.decided_at, navigator.language)}</time></p>
      ${
        signature?.type === 'typed'
          ? html`<p class="signature">Signed <span class="typed" data-testid="typed-signature"
              >${signature.name}</span><span class="muted">(typed name)</span></p>`
          : signature?.type === 'drawn'
            ? html`<div class="signature">
                ${
                  this.signatureUrl
                    ? html`<img src=${this.signatureUrl} width="240" height="90"
                        alt=${`Signature drawn by ${signature.name ?? 'the customer'}`} />`
                    : html`<span class="muted">Loading the signature…</span>`
                }
                <span class="muted">Drawn${signature.name ? ` by ${signature.name}` : ''}</span>
              </div>`
            : nothing
      }
      ${
        decision.decision === 'declined'
          ? html`<p>Reason: ${decision.reason ?? html`<span class="muted">none given</span>`}</p>`
          : nothing
      }
      <p class="muted ua">From ${decision.client_address}${
        decision.user_agent ? ` · ${decision.user_agent}` : ''
      }</p>
    </div>`;
  }

  private renderQuestions() {
    if (this.questions.length === 0) return nothing;
    return html`<h3>Questions (${this.questions.length})</h3>
      <ul class="questions" aria-label=${`Questions about ${this.estimate.number}`}>
        ${this.questions.map(
          (question) => html`<li>
            <time datetime=${question.created}>${when(question.created, navigator.language)}${
              question.emailed ? '' : ' · not emailed (no business email address)'
            }</time><span class="message">${question.message}</span>
          </li>`,
        )}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'demo-estimate-card': DemoEstimateCard;
  }
}
