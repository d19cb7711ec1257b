/**
 * The sandbox's 3-D Secure step: a modal dialog standing for the bank's page, where the customer
 * completes or fails the check (Stripe's test cards 4000 0025 0000 3155 and 4000 0000 0000 3220
 * ask for it). Closing it (Escape) fails it, as closing Stripe's own 3-D Secure frame does.
 */
import type { FormHost } from '../provider-form/provider-form.ts';
import type { SandboxStrings } from './sandbox-strings.ts';

export type Decision = 'approve' | 'fail';

export class ThreeDSecureStep {
  private pending: { amount: number; decide: (decision: Decision) => void } | null = null;

  constructor(private readonly host: FormHost) {}

  /** Shows the step and resolves with the customer's answer. */
  ask(amount: number): Promise<Decision> {
    return new Promise((resolve) => {
      this.pending = { amount, decide: resolve };
      this.host.element.requestUpdate();
      void this.host.element.updateComplete.then(() => {
        this.dialog()?.showModal();
      });
    });
  }

  private dialog() {
    return this.host.element.renderRoot.querySelector<HTMLDialogElement>('dialog.three-ds');
  }

  private answer(decision: Decision): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    this.dialog()?.close();
    this.host.element.requestUpdate();
    pending.decide(decision);
  }

  render(s: SandboxStrings): unknown {
    const { html, nothing } = this.host.kit;
    if (!this.pending) return nothing;
    const { l, portal } = this.host.now();
    return html`<dialog
      class="three-ds"
      part="three-d-secure"
      aria-labelledby="three-ds-title"
      aria-describedby="three-ds-body"
      @cancel=${(event: Event) => {
        event.preventDefault();
        this.answer('fail');
      }}
    >
      <span class="sandbox-badge">${s.testMode}</span>
      <h2 id="three-ds-title">${s.authTitle}</h2>
      <p id="three-ds-body">${s.authBody(l.money(this.pending.amount), portal.business.name)}</p>
      <div class="three-ds-actions">
        <button class="button primary" type="button" autofocus @click=${() => this.answer('approve')}>
          ${s.approve}
        </button>
        <button class="button" type="button" @click=${() => this.answer('fail')}>${s.fail}</button>
      </div>
    </dialog>`;
  }
}
