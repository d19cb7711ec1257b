/**
 * The sandbox's test form, labelled "Test mode": card number, expiration and CVC, or routing and
 * account number when the customer pays by bank account, with Stripe's test numbers listed (each
 * a button that fills it in). It is ours, not a provider's iframe, so it renders inside the
 * element's shadow root with the rest of the payment block (its labels, errors and focus work as
 * every other field's do); only Stripe's Payment Element needs the light-DOM mount point.
 *
 * It confirms through `POST …/payments/:id/confirm` (docs/payments.md, "The sandbox provider"):
 * a test card, a test bank account, or a saved card; a 3-D Secure card opens the step where the
 * customer completes or fails the check, which is confirmed in turn.
 */

import type { PaymentRequest, PortalPayment } from '../../shared/api/portal.ts';
import type { PortalApiError } from '../api/portal-api.ts';
import { type Collector, PaymentFlow } from '../provider-form/payment-flow.ts';
import type { FormHost, PaymentForm } from '../provider-form/provider-form.ts';
import { formatCardNumber, formatExpiry } from './card-format.ts';
import {
  type BankField,
  type CardField,
  checkBank,
  checkCard,
  digits,
  fieldOf,
  readExpiry,
  type SandboxField,
} from './sandbox-checks.ts';
import { sandboxStyles } from './sandbox-form.styles.ts';
import { type SandboxStrings, sandboxStrings } from './sandbox-strings.ts';
import { ThreeDSecureStep } from './three-d-secure.ts';

const CARD: CardField[] = ['number', 'expiry', 'cvc'];
const BANK: BankField[] = ['routing', 'account'];
const EMPTY: Record<SandboxField, string> = {
  number: '',
  expiry: '',
  cvc: '',
  routing: '',
  account: '',
};

export function createForm(host: FormHost): PaymentForm {
  return new SandboxForm(host);
}

class SandboxForm implements PaymentForm, Collector {
  private values = { ...EMPTY };
  private errors = new Map<SandboxField, string>();
  private readonly step: ThreeDSecureStep;
  private readonly flow: PaymentFlow;
  private readonly root: ShadowRoot;

  constructor(private readonly host: FormHost) {
    this.step = new ThreeDSecureStep(host);
    this.flow = new PaymentFlow(host, this);
    this.root = host.element.renderRoot as ShadowRoot;
    const sheet = sandboxStyles(host.kit.css).styleSheet;
    if (sheet && !this.root.adoptedStyleSheets.includes(sheet)) {
      this.root.adoptedStyleSheets = [...this.root.adoptedStyleSheets, sheet];
    }
  }

  pay(request: PaymentRequest) {
    return this.flow.pay(request);
  }

  private get s(): SandboxStrings {
    return sandboxStrings(this.host.now().l.lang);
  }

  /** The fields the customer fills now: none for a saved card. */
  private fields(): SandboxField[] {
    const { savedCard, method } = this.host.now();
    if (savedCard) return [];
    return method === 'us_bank_account' ? BANK : CARD;
  }

  render(): unknown {
    const { html, nothing } = this.host.kit;
    const s = this.s;
    const fields = this.fields();
    const dialog = this.step.render(s);
    if (fields.length === 0) return dialog;
    const bank = fields === BANK;
    return html`<div class="sandbox" part="sandbox-form" role="group" aria-labelledby="sandbox-title">
        <p id="sandbox-title" class="sandbox-title">
          <span class="sandbox-badge">${s.testMode}</span>
          <span>${bank ? s.noMoneyBank : s.noMoney}</span>
        </p>
        <div class="sandbox-fields ${bank ? 'bank' : 'two'}">
          ${fields.map((field) => this.renderField(field))}
        </div>
        <ul class="sandbox-hints">
          ${
            bank
              ? html`<li>
                  <button type="button" class="link-button" @click=${() => this.fillBank()}>
                    ${s.bank}
                  </button>
                </li>`
              : s.cards.map(
                  ([number, outcome]) =>
                    html`<li>
                      <button
                        type="button"
                        class="link-button"
                        aria-label=${s.use(`${number} (${outcome})`)}
                        @click=${() => this.fillCard(number!)}
                      >
                        <span class="nowrap">${number}</span></button
                      ><span> ${outcome}</span>
                    </li>`,
                )
          }
        </ul>
        ${bank ? nothing : html`<p class="muted">${s.anyDate}</p>`}
      </div>
      ${dialog}`;
  }

  private renderField(field: SandboxField) {
    const { html, nothing } = this.host.kit;
    const s = this.s;
    const error = this.errors.get(field);
    const id = `sandbox-${field}`;
    return html`<div class="field sandbox-${field}">
      <label for=${id}>${s[field]}</label>
      <input
        id=${id}
        class="input"
        inputmode="numeric"
        autocomplete="off"
        spellcheck="false"
        maxlength=${field === 'expiry' ? 7 : field === 'cvc' ? 4 : 23}
        placeholder=${field === 'expiry' ? s.expiryPlaceholder : nothing}
        .value=${this.values[field]}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? `${id}-error` : nothing}
        @input=${(event: InputEvent) => this.type(field, event)}
      />
      ${error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing}
    </div>`;
  }

  private type(field: SandboxField, event: InputEvent): void {
    const input = event.target as HTMLInputElement;
    const deleting = event.inputType?.startsWith('delete') ?? false;
    // Formatted only while typing at the end; an edit in the middle keeps the caret where it is.
    if (input.selectionStart === input.value.length) {
      if (field === 'number') input.value = formatCardNumber(input.value);
      if (field === 'expiry') input.value = formatExpiry(input.value, deleting);
    }
    this.values[field] = input.value;
    // An error goes once the field changes; it is checked again at Pay.
    if (this.errors.delete(field)) this.host.element.requestUpdate();
  }

  private fillCard(number: string): void {
    this.values = { ...this.values, number, expiry: this.values.expiry || '12/34' };
    if (!this.values.cvc) this.values.cvc = /^3[47]/.test(number) ? '1234' : '123';
    this.errors.clear();
    this.host.element.requestUpdate();
  }

  private fillBank(): void {
    this.values = { ...this.values, routing: '110000000', account: '000123456789' };
    this.errors.clear();
    this.host.element.requestUpdate();
  }

  async ready(): Promise<boolean> {
    const s = this.s;
    this.errors.clear();
    for (const field of this.fields()) {
      const code = !this.values[field].trim()
        ? 'required'
        : field === 'routing' || field === 'account'
          ? checkBank(field, this.values)
          : checkCard(field, this.values);
      if (code) this.errors.set(field, code === 'required' ? s.required[field] : s.refusals[code]!);
    }
    if (this.errors.size === 0) return true;
    await this.focusField([...this.errors.keys()][0]!);
    return false;
  }

  async confirm(payment: PortalPayment, acceptTotal: number | null): Promise<PortalPayment> {
    const { api } = this.host.now();
    const accept = acceptTotal === null ? {} : { accept_total: acceptTotal };
    let confirmed = await api.confirmPayment(payment.id, { sandbox: this.details(), ...accept });
    if (confirmed.status === 'requires_action') {
      const decision = await this.step.ask(confirmed.amount);
      confirmed = await api.confirmPayment(payment.id, { sandbox: { three_d_secure: decision } });
    }
    return confirmed;
  }

  /** What the confirm call sends for the card, account or saved card chosen. */
  private details() {
    const { savedCard, method } = this.host.now();
    if (savedCard) return { payment_method: savedCard };
    const v = this.values;
    if (method === 'us_bank_account') {
      return { routing_number: digits(v.routing), account_number: digits(v.account) };
    }
    const expiry = readExpiry(v.expiry) ?? { month: 0, year: 0 };
    return {
      card_number: digits(v.number),
      exp_month: expiry.month,
      exp_year: expiry.year,
      cvc: v.cvc.trim(),
    };
  }

  showError(error: PortalApiError): boolean {
    const field = fieldOf(error.param);
    if (!field || !this.fields().includes(field)) return false;
    this.errors.set(field, this.s.refusals[error.code] ?? error.message);
    void this.focusField(field);
    return true;
  }

  failureMessage(payment: PortalPayment): string | null {
    const failure = payment.failure;
    return failure ? (this.s.failures[failure.code] ?? failure.message) : null;
  }

  clear(focus: boolean): void {
    this.values = { ...EMPTY };
    this.errors.clear();
    if (focus) void this.focusField(this.fields()[0] ?? 'number');
    else this.host.element.requestUpdate();
  }

  private async focusField(field: SandboxField): Promise<void> {
    this.host.element.requestUpdate();
    await this.host.element.updateComplete;
    this.root.querySelector<HTMLElement>(`#sandbox-${field}`)?.focus();
  }

  dispose(): void {
    // Nothing outside the element's own render: the next render simply leaves the form out.
  }
}
