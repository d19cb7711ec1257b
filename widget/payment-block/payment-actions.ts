/**
 * What the pay button does. `start()` checks every choice (focus goes to the first field to
 * correct), then hands the request to the provider's payment form, which makes the payment (a new
 * Idempotency-Key for each press), confirms it and says what to show: the confirmation, a failure
 * with "Try another card", a new total to accept, what is left to pay, or a field to correct
 * (widget/provider-form/payment-flow.ts). The button is disabled meanwhile: a double click makes
 * one payment.
 */
import { css, html, nothing } from 'lit';
import type { PaymentRequest, Portal, SavedPaymentMethod } from '../../shared/api/portal.ts';
import type { PortalApi } from '../api/portal-api.ts';
import type { CheckoutController } from '../checkout/checkout.controller.ts';
import type { Localizer } from '../i18n/localize.ts';
import type {
  FeeChange,
  FormElement,
  FormHost,
  PayResult,
} from '../provider-form/provider-form.ts';
import type { FormLoader } from './form-loader.ts';
import type { PaymentBlockState } from './payment-block.ts';

type Host = FormElement & { localizer: Localizer; reload(): Promise<void> };

/** The form for the method chosen: PayPal's for `paypal`, else the card provider's. */
function formFor(provider: string, method: string | null): string {
  return method === 'paypal' ? 'paypal' : provider;
}

/** Holds its state and asks the host to redraw; it needs no lifecycle hooks of its own. */
export class PaymentActions {
  busy = false;
  notice = '';
  /** Why the last payment failed (the customer may try another card). */
  failure = '';
  removing = new Set<string>();
  removeFailed: string | null = null;
  /** A new total to accept, for the request it was given for. */
  private feeChange: (FeeChange & { key: string }) | null = null;
  private api: PortalApi | null = null;
  private portal: Portal | null = null;

  /**
   * `forms`: the loader of the provider's form (it knows the form files), made beside this
   * object (account-parts.ts) with its `formHost()`.
   */
  constructor(
    private readonly host: Host,
    private readonly checkout: CheckoutController,
    readonly forms: FormLoader,
  ) {}

  /** A newly loaded account (`payable`: the payment block shows, so its form opens). */
  reset(portal: Portal, api: PortalApi, payable: boolean): void {
    this.notice = '';
    this.failure = '';
    this.feeChange = null;
    this.removing = new Set();
    this.removeFailed = null;
    this.api = api;
    this.portal = portal;
    if (payable) void this.forms.open(formFor(portal.provider.name, this.checkout.method));
  }

  /** The body of the payment request, or null while a choice is invalid. */
  request(): PaymentRequest | null {
    const { input, errors } = this.checkout.checked;
    const { method } = input;
    // The server takes no payment without a method; the portal always offers one (card).
    if (errors.size > 0 || this.checkout.phoneError || !method) return null;
    const saved = method === 'card' ? this.checkout.savedCard : null;
    const deposit = this.checkout.deposit;
    return {
      ...(deposit ? { estimate_deposit: { estimate: deposit.estimate } } : input),
      method,
      save_payment_method: method === 'card' && !saved && this.checkout.saveCard,
      sms_consent: this.checkout.smsConsent(),
      ...(saved ? { payment_method: saved } : {}),
    };
  }

  /** The changed total waiting to be accepted, while the choices are those it was given for. */
  get pendingFeeChange(): FeeChange | null {
    return this.feeChange?.key === JSON.stringify(this.request()) ? this.feeChange : null;
  }

  async start(): Promise<void> {
    if (this.busy) return;
    const { t } = this.host.localizer;
    this.checkout.setOptions({ phoneTouched: true });
    const request = this.request();
    if (!request) {
      this.notice = t.fixErrors;
      await this.focus('[aria-invalid="true"]', '[part="invoices"] input');
      return;
    }
    this.busy = true;
    this.notice = '';
    this.failure = '';
    this.host.requestUpdate();
    let result: PayResult = {};
    try {
      const form = await this.forms.loaded();
      result = form ? await form.pay(request) : { notice: t.formFailed };
      if (result.paid) {
        // Still busy until the confirmation shows: no second press meanwhile.
        form?.clear(false);
        return await this.host.showPayment(result.paid);
      }
      if (result.reload) await this.host.reload();
    } finally {
      this.busy = false;
    }
    await this.show(result, JSON.stringify(request));
  }

  private async show(result: PayResult, key: string): Promise<void> {
    this.feeChange = result.feeChange ? { key, ...result.feeChange } : null;
    this.failure = result.failure ?? '';
    if (result.refused) this.checkout.refuse(result.refused);
    this.notice = result.notice ?? '';
    await this.focus(result.focus ?? '');
  }

  /** Focuses the first of `selectors` that finds something, once the view is drawn. */
  private async focus(...selectors: string[]): Promise<void> {
    this.host.requestUpdate();
    await this.host.updateComplete;
    const root = this.host.renderRoot;
    for (const selector of selectors.filter(Boolean)) {
      const target = root.querySelector<HTMLElement>(selector);
      if (target) return target.focus();
    }
  }

  /** Forgets a saved card on the server; true when it is gone. */
  async removeCard(api: PortalApi, id: string): Promise<boolean> {
    this.removing.add(id);
    this.removeFailed = null;
    this.host.requestUpdate();
    try {
      await api.removePaymentMethod(id);
      if (this.checkout.savedCard === id) this.checkout.setOptions({ savedCard: null });
      return true;
    } catch {
      this.removeFailed = this.host.localizer.t.removeFailed;
      return false;
    } finally {
      this.removing.delete(id);
      this.host.requestUpdate();
    }
  }

  /** The element as the provider's form sees it. */
  formHost(): FormHost {
    const { host, checkout } = this;
    return {
      kit: { html, css, nothing },
      element: host,
      now: () => ({
        api: this.api!,
        portal: this.portal!,
        l: host.localizer,
        method: checkout.method,
        savedCard: checkout.method === 'card' ? checkout.savedCard : null,
        total:
          this.pendingFeeChange?.total ??
          checkout.currentServerQuote?.total ??
          checkout.localQuote.total,
        saveCard: this.request()?.save_payment_method ?? false,
      }),
      setMethod: (method) => checkout.setMethod(method),
      payable: () => this.request() !== null,
      pay: () => this.start(),
    };
  }

  blockState(
    removeCard: (card: SavedPaymentMethod) => void,
    notNow: () => void,
  ): PaymentBlockState {
    return {
      busy: this.busy,
      notice: this.notice,
      failure: this.failure,
      feeChange: this.pendingFeeChange,
      forms: this.forms,
      removing: this.removing,
      removeFailed: this.removeFailed,
      pay: () => void this.start(),
      chooseMethod: (method) => {
        this.checkout.setMethod(method);
        // PayPal's form for PayPal, the card provider's for the rest (loaded once the block shows).
        if (this.portal && this.forms.state !== 'idle') {
          void this.forms.open(formFor(this.portal.provider.name, method));
        }
      },
      another: () => {
        this.failure = '';
        // A saved card was declined: the customer types another.
        this.checkout.setOptions({ savedCard: null });
        this.forms.form?.clear(true);
      },
      removeCard,
      notNow,
    };
  }
}
