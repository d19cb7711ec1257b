/**
 * `<pay-portal-estimate>`: one estimate the customer can approve (review, then sign by typing a
 * name or drawing), decline (with an optional reason) or ask about. Decisions go to the portal
 * API; an approval that asks for a deposit fires `pay-portal-deposit` for the portal to take the
 * customer into its payment flow.
 *
 * @summary An estimate with Approve, Decline and Ask a question.
 * @fires pay-portal-deposit - `{estimate, amount, currency}`: the customer approved and a deposit is due.
 * @fires pay-portal-estimate-decided - `{estimate, status, deposit_required}` after an approval or decline.
 * @fires pay-portal-estimate-question - `{estimate, question}` once a question was sent.
 * @csspart estimate - The whole estimate.
 * @csspart lines - The table of lines.
 * @csspart totals - Subtotal, tax and total.
 * @csspart deposit - The deposit due on approval.
 * @csspart terms - The estimate's terms.
 * @csspart actions - The buttons of the current step.
 * @csspart signature-pad - The box to draw a signature in.
 * @cssprop --pay-portal-brand - Colour of the main buttons (default: the business's colour).
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PortalEstimate } from '../../shared/api/portal.ts';
import { formatMoney } from '../../shared/money.ts';
import { baseStyles } from '../styles/base.styles.ts';
import { lineTableStyles } from '../styles/line-table.styles.ts';
import { DrawnSignature } from './drawn-signature.ts';
import { EstimateApi } from './estimate-api.ts';
import { EstimateStepsController } from './estimate-steps.controller.ts';
import { type EstimateStep, renderAsk, renderDecline, renderSign } from './estimate-steps.ts';
import { type EstimateMessages, estimateMessages } from './estimate-strings.ts';
import { type Formats, renderSummary } from './estimate-summary.ts';
import { estimateViewStyles } from './pay-portal-estimate.styles.ts';

export class PayPortalEstimate extends LitElement {
  static override styles = [baseStyles, lineTableStyles, estimateViewStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The estimate, as `GET /v1/portal/:token` lists it. */
  @property({ attribute: false }) estimate: PortalEstimate | null = null;
  @property({ attribute: 'api-base' }) apiBase = '';
  @property() token = '';
  @property() locale = 'en';
  /** The business's currency (the portal's `currency`). */
  @property() currency = 'usd';
  @property({ attribute: 'business-name' }) businessName = '';
  /** The level of the estimate's heading in the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;
  /**
   * The page shows the deposit's payment (the portal, after `pay-portal-deposit`): the
   * estimate's own "Pay the deposit" button steps aside meanwhile.
   */
  @property({ attribute: 'deposit-open', type: Boolean }) depositOpen = false;

  @state() private step: EstimateStep = 'summary';
  readonly drawn = new DrawnSignature(() => this.requestUpdate());
  private readonly steps = new EstimateStepsController(this);

  get t(): EstimateMessages {
    return estimateMessages(this.locale);
  }

  get formats(): Formats {
    const locale = this.locale;
    return {
      money: (amount) => formatMoney(amount, this.currency, locale),
      date: (day) =>
        new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
          new Date(`${day}T12:00:00Z`),
        ),
      rate: (bps) =>
        new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 }).format(
          bps / 10_000,
        ),
      count: (quantity) => new Intl.NumberFormat(locale).format(quantity),
    };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.drawn.detach();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('step') && changed.get('step') !== undefined) {
      this.renderRoot.querySelector<HTMLElement>('[data-focus]')?.focus();
    }
    const canvas = this.renderRoot.querySelector('canvas');
    const drawing = this.step === 'sign' && this.steps.signMode === 'drawn';
    if (drawing && canvas) void this.drawn.attach(canvas);
    else if (!canvas && this.drawn.state !== 'idle') this.drawn.detach();
  }

  /** The title of a step, one level below the estimate's; focused when the step opens. */
  heading(text: string): TemplateResult {
    return html`<div
      class="title"
      role="heading"
      aria-level=${this.headingLevel + 1}
      tabindex="-1"
      data-focus
    >
      ${text}
    </div>`;
  }

  go(step: EstimateStep): void {
    this.steps.clearErrors();
    this.step = step;
  }

  protected override render(): TemplateResult | typeof nothing {
    const estimate = this.estimate;
    if (!estimate) return nothing;
    const { t } = this;
    const f = this.formats;
    return html`<section class="estimate" part="estimate" aria-labelledby="title">
      <div>
        <div
          class="title"
          id="title"
          role="heading"
          aria-level=${this.headingLevel}
          tabindex="-1"
          ?data-focus=${this.step === 'summary'}
        >
          ${t.estimate(estimate.number)}
        </div>
        <p class="meta muted">
          <span>${t.date(f.date(estimate.date))}</span>
          <span>${t.validUntil(f.date(estimate.valid_until))}</span>
          <a
            href=${this.api.pdfUrl}
            target="_blank"
            rel="noopener"
            aria-label=${t.pdfLabel(estimate.number)}
            >PDF</a
          >
        </p>
      </div>
      ${this.renderStep(estimate, f)}
      ${this.steps.error ? html`<p class="error" role="alert">${this.steps.error}</p>` : nothing}
    </section>`;
  }

  get api(): EstimateApi {
    return new EstimateApi(this.apiBase || location.origin, this.token, this.estimate?.id ?? '');
  }

  get status(): PortalEstimate['status'] {
    return this.steps.decided ?? this.estimate?.status ?? 'pending';
  }

  private renderStep(estimate: PortalEstimate, f: Formats): TemplateResult {
    const { t } = this;
    const business = this.businessName;
    switch (this.step) {
      case 'review':
        return html`<div class="estimate">
          ${this.heading(t.reviewTitle)}
          <p>${t.reviewBody(estimate.number, f.money(estimate.total))}</p>
          ${
            estimate.deposit_amount > 0
              ? html`<p class="deposit">${t.reviewDeposit(f.money(estimate.deposit_amount))}</p>`
              : nothing
          }
          ${estimate.terms ? html`<p class="terms">${estimate.terms}</p>` : nothing}
          <div class="actions" part="actions">
            <button class="button primary" @click=${() => this.go('sign')}>
              ${t.continueToSign}
            </button>
            <button class="button" @click=${() => this.go('summary')}>${t.back}</button>
          </div>
        </div>`;
      case 'sign':
        return renderSign(this.steps, business);
      case 'decline':
        return renderDecline(this.steps);
      case 'ask':
        return renderAsk(this.steps);
      case 'approved':
        return this.done(t.approvedTitle, t.approvedBody(business), true);
      case 'declined':
        return this.done(t.declinedTitle, t.declinedBody(business), false);
      case 'sent':
        return html`<div class="notice good" role="status">
            ${this.heading(t.sentTitle)}
            <p>${t.sentBody(business)}</p>
          </div>
          <div class="actions row" part="actions">
            <button class="button" @click=${() => this.go('ask')}>${t.askAnother}</button>
            <button class="button" @click=${() => this.go('summary')}>${t.back}</button>
          </div>`;
      default:
        return this.renderOverview(estimate, f);
    }
  }

  private renderOverview(estimate: PortalEstimate, f: Formats): TemplateResult {
    const { t } = this;
    const open = this.status === 'pending' && !estimate.expired;
    const depositDue = estimate.deposit_due ?? 0;
    return html`${renderSummary(t, f, estimate)}
      ${
        this.status === 'pending' && estimate.expired
          ? html`<p class="notice bad">${t.expired(f.date(estimate.valid_until))}</p>`
          : nothing
      }
      ${this.status === 'approved' ? html`<p class="notice good">${t.approvedNotice}</p>` : nothing}
      ${this.status === 'declined' ? html`<p class="notice">${t.declinedNotice}</p>` : nothing}
      <div class="actions" part="actions">
        ${
          open
            ? html`<button class="button primary" @click=${() => this.go('review')}>
                  ${t.approve}
                </button>
                <button class="button" @click=${() => this.go('decline')}>${t.decline}</button>`
            : nothing
        }
        ${
          this.status === 'approved' && depositDue > 0 && !this.depositOpen
            ? html`<button class="button primary" @click=${() => this.steps.askForDeposit(depositDue)}>
                ${t.payDeposit(f.money(depositDue))}
              </button>`
            : nothing
        }
        <button class="button" @click=${() => this.go('ask')}>${t.ask}</button>
      </div>`;
  }

  private done(title: string, body: string, approved: boolean): TemplateResult {
    const { t } = this;
    const { depositDue } = this.steps;
    return html`<div class="notice good" role="status">
        ${this.heading(title)}
        <p>${body}</p>
      </div>
      <div class="actions" part="actions">
        ${
          approved && depositDue > 0 && !this.depositOpen
            ? html`<button
                class="button primary"
                @click=${() => this.steps.askForDeposit(this.steps.depositDue)}
              >
                ${t.payDeposit(this.formats.money(depositDue))}
              </button>`
            : nothing
        }
        <button class="button" @click=${() => this.go('summary')}>${t.back}</button>
      </div>`;
  }
}
