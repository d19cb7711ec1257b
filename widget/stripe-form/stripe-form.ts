/**
 * The Stripe form: Stripe.js (through @stripe/stripe-js, loaded only now that the payment block
 * shows) and its Payment Element, mounted in the element's light-DOM child (`paymentFormHost`):
 * Stripe Elements cannot be mounted inside a shadow root (stripe-js issues #399 and #662).
 *
 * The Element is made before the payment (Stripe's deferred intent: `mode: 'payment'` with the
 * total shown), styled with the brand colour, and kept at the total as the customer changes
 * their choices; its tabs choose the method, and so the fee line. At Pay the fields are
 * checked (`elements.submit()`), the element makes the payment, and then (Stripe's "finalize
 * payments on the server" flow):
 * 1. the card is read into a ConfirmationToken (`stripe.createConfirmationToken`) and sent to
 *    `POST …/payments/:id/confirm`, where the server reads its funding, fixes the fee (a debit
 *    card pays none) and confirms the PaymentIntent with that token. A total that changed is
 *    handed back as `fee_changed`, for the customer to accept; a saved card sends no token;
 * 2. only for 3-D Secure (`requires_action`), `stripe.handleNextAction({clientSecret})` opens the
 *    bank's step in Stripe's own frame, and the payment is read back (`GET …/payments/:id`,
 *    which asks Stripe) until it is decided.
 */
import type {
  Appearance,
  Stripe,
  StripeElementLocale,
  StripeElements,
  StripeError,
  StripePaymentElement,
} from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';
import type { PaymentRequest, PortalPayment } from '../../shared/api/portal.ts';
import { PortalApiError } from '../api/portal-api.ts';
import { type Collector, PaymentFlow } from '../provider-form/payment-flow.ts';
import type { FormHost, PaymentForm } from '../provider-form/provider-form.ts';

export function createForm(host: FormHost): PaymentForm {
  return new StripeForm(host);
}

/** Statuses the browser's confirmation has not settled yet (Stripe is asked again). */
const UNDECIDED = new Set(['requires_confirmation', 'requires_action']);
const POLL_MS = [0, 400, 800, 1500, 2500, 4000];

class StripeForm implements PaymentForm, Collector {
  private stripe: Stripe | null = null;
  private elements: StripeElements | null = null;
  private payment: StripePaymentElement | null = null;
  private readonly container = document.createElement('div');
  private state: 'loading' | 'ready' | 'failed' = 'loading';
  private mounted: Promise<void>;
  /** Stripe.js's own words (in the customer's language) for the last refusal. */
  private error = '';
  private synced = { amount: 0, save: false };

  private readonly flow: PaymentFlow;

  constructor(private readonly host: FormHost) {
    this.flow = new PaymentFlow(host, this);
    this.mounted = this.mount();
  }

  pay(request: PaymentRequest) {
    return this.flow.pay(request);
  }

  private async mount(): Promise<void> {
    const { portal, l, total, saveCard } = this.host.now();
    this.state = 'loading';
    try {
      const key = portal.provider.name === 'stripe' ? portal.provider.publishable_key : '';
      if (!key) throw new Error('the portal gives no Stripe publishable key');
      const locale = (l.lang === 'es' ? 'es' : 'auto') as StripeElementLocale;
      this.stripe = await loadStripe(key, { locale });
      if (!this.stripe) throw new Error('Stripe.js did not load');
      this.synced = { amount: total, save: saveCard };
      this.elements = this.stripe.elements({
        mode: 'payment',
        amount: this.synced.amount,
        currency: portal.currency,
        // Stripe's own methods: PayPal, when offered beside it, has its own form.
        allowedPaymentMethodTypes: portal.payment_methods
          .filter((method) => method.provider === 'stripe')
          .map((method) => method.type),
        setupFutureUsage: this.synced.save ? 'off_session' : null,
        appearance: this.appearance(),
        locale,
      });
      this.payment = this.elements.create('payment', { layout: 'tabs' });
      this.payment.on('change', (event) => {
        // Stripe's tabs choose the method; wallets and Link pay by card.
        const type = event.value.type === 'us_bank_account' ? 'us_bank_account' : 'card';
        if (type !== this.host.now().method) this.host.setMethod(type);
      });
      this.host.element.paymentFormHost.replaceChildren(this.container);
      this.payment.mount(this.container);
      this.state = 'ready';
    } catch {
      this.state = 'failed';
    }
    this.host.element.requestUpdate();
  }

  /** The brand colour as the element shows it (a page's --pay-portal-brand included). */
  private appearance(): Appearance {
    const card = this.host.element.renderRoot.querySelector('.card');
    const brand =
      (card && getComputedStyle(card).getPropertyValue('--_brand').trim()) ||
      this.host.now().portal.business.brand_color ||
      '#1a56db';
    return {
      theme: 'stripe',
      variables: { colorPrimary: brand, colorDanger: '#b91c1c', borderRadius: '6px' },
    };
  }

  render(): unknown {
    const { html, nothing } = this.host.kit;
    const { t } = this.host.now().l;
    this.sync();
    if (this.state === 'loading') return html`<p class="form-status muted">${t.formLoading}</p>`;
    if (this.state === 'failed') {
      return html`<div class="form-status" role="alert">
        <p>${t.formFailed}</p>
        <button class="button" type="button" @click=${() => this.retry()}>${t.retry}</button>
      </div>`;
    }
    return nothing;
  }

  private retry(): void {
    this.mounted = this.mount();
    this.host.element.requestUpdate();
  }

  /** Keeps the Element at the total shown and the save-card choice; hidden for a saved card. */
  private sync(): void {
    const { savedCard, total: amount, saveCard: save } = this.host.now();
    this.container.hidden = savedCard !== null;
    if (!this.elements || amount <= 0) return;
    if (amount === this.synced.amount && save === this.synced.save) return;
    this.synced = { amount, save };
    this.elements.update({ amount, setupFutureUsage: save ? 'off_session' : null });
  }

  async ready(): Promise<boolean> {
    await this.mounted;
    if (this.state !== 'ready') return false;
    if (this.host.now().savedCard) return true;
    this.sync();
    // Stripe shows what is missing in its own fields.
    const { error } = await this.elements!.submit();
    return !error;
  }

  async confirm(payment: PortalPayment, acceptTotal: number | null): Promise<PortalPayment> {
    const stripe = this.stripe!;
    this.error = '';
    const { api, savedCard } = this.host.now();
    const returnUrl = location.href;
    let token: string | undefined;
    if (!savedCard) {
      // What the customer typed, as a ConfirmationToken: the server reads its funding, fixes the
      // fee and confirms the PaymentIntent with this very card.
      const { error, confirmationToken } = await stripe.createConfirmationToken({
        elements: this.elements!,
        params: { return_url: returnUrl },
      });
      if (error) return this.refused(payment, error);
      token = confirmationToken.id;
    }
    // A changed total comes back as `fee_changed` (thrown), for the customer to accept.
    const confirmed = await api.confirmPayment(payment.id, {
      return_url: returnUrl,
      ...(token ? { confirmation_token: token } : {}),
      ...(acceptTotal !== null ? { accept_total: acceptTotal } : {}),
    });
    if (confirmed.status !== 'requires_action') return confirmed;
    // 3-D Secure: Stripe.js opens the bank's step in its own frame, then the server is asked.
    const clientSecret = payment.client_secret;
    if (!clientSecret) throw new PortalApiError(409, 'payment_not_started', 'No client secret.');
    const { error } = await stripe.handleNextAction({ clientSecret });
    if (error) this.error = error.message ?? '';
    return this.decided(payment.id);
  }

  /** Stripe refused: its words are kept, and the server says where the payment stands. */
  private async refused(payment: PortalPayment, error: StripeError): Promise<PortalPayment> {
    this.error = error.message ?? '';
    return this.host.now().api.payment(payment.id);
  }

  /** Reads the payment until Stripe has decided it (the server asks Stripe while in flight). */
  private async decided(id: string): Promise<PortalPayment> {
    let payment: PortalPayment | null = null;
    for (const wait of POLL_MS) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      payment = await this.host.now().api.payment(id);
      if (!UNDECIDED.has(payment.status)) break;
    }
    return payment!;
  }

  showError(): boolean {
    return false;
  }

  failureMessage(payment: PortalPayment): string | null {
    return this.error || payment.failure?.message || null;
  }

  clear(focus: boolean): void {
    this.payment?.clear();
    if (focus) this.payment?.focus();
  }

  dispose(): void {
    this.payment?.destroy();
    this.container.remove();
  }
}
