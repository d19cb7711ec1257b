/**
 * The state behind the estimate's step forms, held by `<pay-portal-estimate>` as a field: what
 * the customer typed, the signature chosen, one call at a time to the portal API (approve with
 * the signature, decline, ask a question; a double submit sends once) and what went wrong, in the
 * customer's words. The forms (estimate-steps.ts) read it as their `StepHost`.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { SignatureInput } from '../../shared/api/portal.ts';
import type { DrawnSignature } from './drawn-signature.ts';
import { type EstimateApi, EstimateApiError } from './estimate-api.ts';
import type { EstimateStep, SignMode, StepHost } from './estimate-steps.ts';
import type { EstimateMessages } from './estimate-strings.ts';

/** `<pay-portal-estimate>`, as far as its steps touch it. */
export interface EstimateStepsHost extends ReactiveControllerHost, EventTarget {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly estimate: { id: string } | null;
  readonly currency: string;
  readonly t: EstimateMessages;
  readonly api: EstimateApi;
  readonly drawn: DrawnSignature;
  heading(text: string): TemplateResult;
  go(step: EstimateStep): void;
}

/** Holds its state and asks the host to redraw; it needs no lifecycle hooks of its own. */
export class EstimateStepsController implements StepHost {
  signMode: SignMode = 'typed';
  busy = false;
  /** What went wrong with the last call, in the customer's words. */
  error: string | null = null;
  fieldError: string | null = null;
  depositDue = 0;
  /** The status once decided here, before the portal is loaded again. */
  decided: 'approved' | 'declined' | null = null;
  name = '';
  drawnName = '';
  reason = '';
  message = '';

  constructor(private readonly host: EstimateStepsHost) {}

  get t(): EstimateMessages {
    return this.host.t;
  }

  get drawn(): DrawnSignature {
    return this.host.drawn;
  }

  heading(text: string): TemplateResult {
    return this.host.heading(text);
  }

  go(step: EstimateStep): void {
    this.host.go(step);
  }

  /** A step opens without the last one's errors. */
  clearErrors(): void {
    if (this.error === null && this.fieldError === null) return;
    this.error = null;
    this.fieldError = null;
    this.host.requestUpdate();
  }

  fieldChanged(): void {
    if (this.fieldError === null) return;
    this.fieldError = null;
    this.host.requestUpdate();
  }

  chooseSignMode(mode: SignMode): void {
    this.signMode = mode;
    this.fieldError = null;
    this.host.requestUpdate();
  }

  /** Sends the approval with the signature chosen; checks the field first. */
  async approve(): Promise<void> {
    const { t } = this;
    let signature: SignatureInput;
    if (this.signMode === 'typed') {
      const name = this.name.trim();
      if (!name) return this.invalid(t.nameRequired);
      signature = { type: 'typed', name };
    } else {
      const png = this.drawn.toPng();
      if (!png) return this.invalid(t.drawRequired);
      const name = this.drawnName.trim();
      signature = { type: 'drawn', image_png: png, ...(name ? { name } : {}) };
    }
    const answer = await this.send(() => this.host.api.approve(signature));
    if (!answer) return;
    this.decided = 'approved';
    this.depositDue = answer.deposit_required?.amount ?? 0;
    this.emit('pay-portal-estimate-decided', {
      estimate: answer.estimate,
      status: 'approved',
      deposit_required: answer.deposit_required,
    });
    this.go('approved');
    if (this.depositDue > 0) this.askForDeposit(this.depositDue);
  }

  async decline(): Promise<void> {
    const answer = await this.send(() => this.host.api.decline(this.reason.trim()));
    if (!answer) return;
    this.decided = 'declined';
    this.emit('pay-portal-estimate-decided', {
      estimate: answer.estimate,
      status: 'declined',
      deposit_required: null,
    });
    this.go('declined');
  }

  async ask(): Promise<void> {
    const message = this.message.trim();
    if (!message) return this.invalid(this.t.messageRequired);
    const answer = await this.send(() => this.host.api.ask(message));
    if (!answer) return;
    this.message = '';
    this.emit('pay-portal-estimate-question', {
      estimate: this.host.estimate!.id,
      question: answer.id,
    });
    this.go('sent');
  }

  askForDeposit(amount: number): void {
    this.emit('pay-portal-deposit', {
      estimate: this.host.estimate!.id,
      amount,
      currency: this.host.currency,
    });
  }

  private invalid(message: string): void {
    if (this.fieldError !== message) {
      this.fieldError = message;
      this.host.requestUpdate();
    }
    void this.host.updateComplete.then(() =>
      this.host.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );
  }

  /** Runs one call, guarded against double submits; the customer's words on failure. */
  private async send<T>(call: () => Promise<T>): Promise<T | null> {
    if (this.busy) return null;
    this.busy = true;
    this.error = null;
    this.fieldError = null;
    this.host.requestUpdate();
    try {
      return await call();
    } catch (error) {
      this.error = this.explain(error);
      return null;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private explain(error: unknown): string {
    const { t } = this;
    const code = error instanceof EstimateApiError ? error.code : '';
    if (code === 'rate_limited') return t.tooMany;
    if (code === 'estimate_already_decided') return t.alreadyDecided;
    if (code === 'estimate_expired' || code === 'link_invalid') return t.expiredNow;
    if (code.startsWith('signature_')) return t.signatureInvalid;
    return t.failed;
  }

  private emit(type: string, detail: unknown): void {
    this.host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }
}
