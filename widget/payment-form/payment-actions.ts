/**
 * What the pay button and the saved-card buttons do. `start()` checks every choice, shows what to
 * correct and moves focus to the first field in error; the payment itself belongs to a provider
 * (the payments issue), so until one is wired in it says so and charges nothing.
 */
import type { ReactiveControllerHost } from 'lit';
import type { QuoteInput } from '../../shared/quote.ts';
import type { PortalApi } from '../api/portal-api.ts';
import type { SavedPaymentMethod } from '../api/types.ts';
import type { CheckoutController } from '../checkout/checkout.controller.ts';
import type { Localizer } from '../i18n/localize.ts';
import type { PaymentFormState } from './payment-form.ts';

export interface PaymentRequest extends QuoteInput {
  save_payment_method: boolean;
  sms_consent: { phone: string; text: string } | null;
}

type Host = ReactiveControllerHost & HTMLElement & { localizer: Localizer; renderRoot: ParentNode };

/** Holds its state and asks the host to redraw; it needs no lifecycle hooks of its own. */
export class PaymentActions {
  busy = false;
  notice = '';
  removing = new Set<string>();
  removeFailed: string | null = null;

  constructor(
    private readonly host: Host,
    private readonly checkout: CheckoutController,
  ) {}

  reset(): void {
    this.busy = false;
    this.notice = '';
    this.removing = new Set();
    this.removeFailed = null;
  }

  /** The body of the payment request, or null while a choice is invalid. */
  request(): PaymentRequest | null {
    const { input, errors } = this.checkout.checked;
    if (errors.size > 0 || this.checkout.phoneError) return null;
    return {
      ...input,
      save_payment_method: this.checkout.saveCard,
      sms_consent: this.checkout.smsConsent(),
    };
  }

  async start(): Promise<void> {
    if (this.busy) return;
    const { t } = this.host.localizer;
    this.checkout.setOptions({ phoneTouched: true });
    if (!this.request()) {
      this.notice = t.fixErrors;
      this.host.requestUpdate();
      await this.host.updateComplete;
      const invalid =
        this.host.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]') ??
        this.host.renderRoot.querySelector<HTMLElement>('[part="invoices"] input');
      invalid?.focus();
      return;
    }
    this.busy = true;
    this.notice = '';
    this.host.requestUpdate();
    try {
      await this.checkout.settled();
      // No provider is wired in yet: nothing is charged and no event is fired.
      this.notice = t.notYet;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** Forgets a saved card on the server; true when it is gone. */
  async removeCard(api: PortalApi, id: string): Promise<boolean> {
    this.removing.add(id);
    this.removeFailed = null;
    this.host.requestUpdate();
    try {
      await api.removePaymentMethod(id);
      return true;
    } catch {
      this.removeFailed = this.host.localizer.t.removeFailed;
      return false;
    } finally {
      this.removing.delete(id);
      this.host.requestUpdate();
    }
  }

  formState(removeCard: (card: SavedPaymentMethod) => void): PaymentFormState {
    return {
      busy: this.busy,
      notice: this.notice,
      removing: this.removing,
      removeFailed: this.removeFailed,
      pay: () => void this.start(),
      removeCard,
    };
  }
}
