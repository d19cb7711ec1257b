/**
 * The PayPal form: PayPal's JS SDK (through `@paypal/paypal-js`'s `loadScript`, from PayPal's own
 * origin, loaded only when the customer picks PayPal; a page or test that already has
 * `window.paypal` keeps it) and its Buttons: PayPal's, and Venmo's where PayPal offers it (US
 * buyers paying USD: `enable-funding=venmo`, shown when `isEligible()`). They are rendered in the
 * element's light-DOM child (`paymentFormHost`), as Stripe's fields are: PayPal's buttons are
 * frames a shadow root would cut off. The business's cards go through its card provider, so
 * PayPal's own card button is not offered.
 *
 * PayPal's button is the pay button: its click runs the element's one press of Pay
 * (`host.pay()`: every choice checked first, refused with `actions.reject()` when one is wrong).
 * `createOrder` answers with the order our server made for the payment (`POST …/payments` with
 * `method: "paypal"`: the total computed by the server, tip and fee included); the buyer approves
 * it in PayPal's window; `onApprove` has the server capture it (`POST …/payments/:id/confirm
 * {"paypal": {"order_id"}}`), then the usual confirmation and receipt. A declined funding source
 * is shown with the PayPal buttons still there to try again; a closed window charges nothing.
 */
import { loadScript } from '@paypal/paypal-js';
import type { PaymentRequest, PortalPayment, PortalPayPal } from '../../shared/api/portal.ts';
import { type Collector, PaymentFlow } from '../provider-form/payment-flow.ts';
import type { FormHost, PaymentForm, PayResult } from '../provider-form/provider-form.ts';

/** The part of PayPal's JS SDK this form uses. */
interface Actions {
  resolve(): Promise<void>;
  reject(): Promise<void>;
}
interface ButtonsOptions {
  fundingSource?: string;
  style?: Record<string, unknown>;
  onClick(data: unknown, actions: Actions): Promise<void> | void;
  createOrder(): Promise<string>;
  onApprove(data: { orderID: string }): Promise<void>;
  onCancel(): void;
  onError(error: unknown): void;
}
interface ButtonsInstance {
  isEligible(): boolean;
  render(container: HTMLElement): Promise<void>;
  close?(): Promise<void>;
}
export interface PayPalSdk {
  Buttons(options: ButtonsOptions): ButtonsInstance;
  FUNDING: { PAYPAL: string; VENMO: string };
}

const words = {
  en: {
    closed: 'The PayPal window was closed before paying. Nothing was charged.',
    hint: 'Pay with PayPal: you confirm in PayPal’s window.',
    hintVenmo: 'Pay with PayPal or Venmo: you confirm in PayPal’s window.',
  },
  es: {
    closed: 'La ventana de PayPal se cerró antes de pagar. No se cobró nada.',
    hint: 'Pague con PayPal: confirma en la ventana de PayPal.',
    hintVenmo: 'Pague con PayPal o Venmo: confirma en la ventana de PayPal.',
  },
};

export function createForm(host: FormHost): PaymentForm {
  return new PayPalForm(host);
}

class Deferred<T> {
  resolve!: (value: T) => void;
  reject!: (error: unknown) => void;
  settled = false;
  readonly promise = new Promise<T>((resolve, reject) => {
    this.resolve = (value) => {
      this.settled = true;
      resolve(value);
    };
    this.reject = (error) => {
      this.settled = true;
      reject(error);
    };
  });
}

function loadSdk(paypal: PortalPayPal, locale: string): Promise<PayPalSdk> {
  const present = (window as { paypal?: PayPalSdk }).paypal;
  if (present) return Promise.resolve(present);
  return loadScript({
    clientId: paypal.client_id,
    currency: paypal.currency,
    intent: 'capture',
    components: 'buttons',
    ...(paypal.venmo ? { enableFunding: 'venmo' } : {}),
    disableFunding: 'card,credit,paylater',
    locale,
    environment: paypal.test_mode ? 'sandbox' : 'production',
  }).then((loaded) => {
    if (!loaded) throw new Error('PayPal did not load');
    return loaded as unknown as PayPalSdk;
  });
}

class PayPalForm implements PaymentForm, Collector {
  private readonly container = document.createElement('div');
  private state: 'loading' | 'ready' | 'failed' = 'loading';
  private mounted: Promise<void>;
  private readonly flow: PaymentFlow;
  private buttons: ButtonsInstance[] = [];
  /** What PayPal's `createOrder` waits for: the order made for this press. */
  private order: Deferred<string> | null = null;
  /** What the press waits for: the order PayPal's window approved, or null when closed. */
  private approval: Deferred<string | null> | null = null;
  /** The capture under way, which `onApprove` returns so PayPal's window waits for it. */
  private captured: Deferred<void> | null = null;
  private closed = false;
  private pressing = false;

  constructor(private readonly host: FormHost) {
    this.flow = new PaymentFlow(host, this);
    this.mounted = this.mount();
  }

  async pay(request: PaymentRequest): Promise<PayResult> {
    this.pressing = true;
    try {
      return await this.flow.pay(request);
    } finally {
      this.pressing = false;
      // A refusal before any order (a changed total, a held invoice): PayPal's window closes.
      if (this.order && !this.order.settled) this.order.reject(new Error('no order'));
      if (this.captured && !this.captured.settled) this.captured.resolve();
    }
  }

  private async mount(): Promise<void> {
    const { portal, l } = this.host.now();
    this.state = 'loading';
    try {
      const paypal = portal.providers.find((p): p is PortalPayPal => p.name === 'paypal');
      if (!paypal) throw new Error('the portal offers no PayPal');
      const sdk = await loadSdk(paypal, l.lang === 'es' ? 'es_US' : 'en_US');
      this.container.className = 'paypal-buttons';
      this.host.element.paymentFormHost.replaceChildren(this.container);
      const sources = [sdk.FUNDING.PAYPAL, ...(paypal.venmo ? [sdk.FUNDING.VENMO] : [])];
      for (const fundingSource of sources) {
        const buttons = sdk.Buttons({
          fundingSource,
          style: { height: 45, label: 'pay' },
          ...this.callbacks(),
        });
        if (!buttons.isEligible()) continue;
        const slot = document.createElement('div');
        slot.className = `paypal-button paypal-${fundingSource}`;
        this.container.append(slot);
        await buttons.render(slot);
        this.buttons.push(buttons);
      }
      this.state = 'ready';
    } catch {
      this.state = 'failed';
    }
    this.host.element.requestUpdate();
  }

  private callbacks(): Omit<ButtonsOptions, 'fundingSource' | 'style'> {
    return {
      onClick: (_data, actions) => {
        if (this.pressing) return actions.reject();
        // A wrong choice is shown at its field by the element's press, and PayPal stays shut.
        if (!this.host.payable()) {
          void this.host.pay();
          return actions.reject();
        }
        this.order = new Deferred();
        this.approval = new Deferred();
        this.captured = new Deferred();
        void this.host.pay();
        return actions.resolve();
      },
      createOrder: () => this.order?.promise ?? Promise.reject(new Error('no payment')),
      onApprove: async ({ orderID }) => {
        this.approval?.resolve(orderID);
        await this.captured?.promise;
      },
      onCancel: () => this.approval?.resolve(null),
      onError: (error) => {
        if (this.order && !this.order.settled) this.order.reject(error);
        this.approval?.reject(error);
      },
    };
  }

  render(): unknown {
    const { html, nothing } = this.host.kit;
    const { t, lang } = this.host.now().l;
    if (this.state === 'loading') return html`<p class="form-status muted">${t.formLoading}</p>`;
    if (this.state === 'failed') {
      return html`<div class="form-status" role="alert">
        <p>${t.formFailed}</p>
        <button class="button" type="button" @click=${() => this.retry()}>${t.retry}</button>
      </div>`;
    }
    const said = words[lang === 'es' ? 'es' : 'en'];
    if (this.buttons.length === 0) return nothing;
    return html`<p class="form-status muted">${this.buttons.length > 1 ? said.hintVenmo : said.hint}</p>`;
  }

  private retry(): void {
    this.mounted = this.mount();
    this.host.element.requestUpdate();
  }

  async ready(): Promise<boolean> {
    await this.mounted;
    return this.state === 'ready' && this.approval !== null;
  }

  async confirm(payment: PortalPayment): Promise<PortalPayment> {
    this.closed = false;
    this.order?.resolve(payment.client_secret ?? '');
    try {
      const orderId = await this.approval!.promise;
      if (orderId === null) {
        this.closed = true;
        return payment;
      }
      return await this.host
        .now()
        .api.confirmPayment(payment.id, { paypal: { order_id: orderId } });
    } finally {
      this.approval = null;
    }
  }

  showError(): boolean {
    return false;
  }

  failureMessage(payment: PortalPayment): string | null {
    if (this.closed) return words[this.host.now().l.lang === 'es' ? 'es' : 'en'].closed;
    return payment.failure?.message ?? null;
  }

  clear(): void {}

  dispose(): void {
    for (const buttons of this.buttons) void buttons.close?.();
    this.buttons = [];
    this.container.remove();
  }
}
