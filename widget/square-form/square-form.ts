/**
 * The Square form: Square's Web Payments SDK (`square.js`, from Square's CDN, loaded only now
 * that the payment block shows; a page or test that already has `window.Square` keeps it) and
 * its card form, attached in the element's light-DOM child (`paymentFormHost`), as Stripe's is:
 * Square's fields are iframes that a shadow root would cut off.
 *
 * At Pay the card is tokenized (`card.tokenize()`: a one-time `cnon:` token; what is missing is
 * shown in Square's own fields), the element makes the payment, and the token goes to `POST
 * …/payments/:id/confirm {"square": {"source_id"}}`: the server authorizes it, reads the card's
 * type, settles the fee (a debit card pays none, handed back as `fee_changed` for the customer to
 * accept, with a new token at the next press), and captures. A saved card sends no token.
 */
import type { PaymentRequest, PortalPayment } from '../../shared/api/portal.ts';
import { type Collector, PaymentFlow } from '../provider-form/payment-flow.ts';
import type { FormHost, PaymentForm } from '../provider-form/provider-form.ts';

/** The part of Square's Web Payments SDK this form uses. */
interface SquareCard {
  attach(target: HTMLElement): Promise<void>;
  tokenize(): Promise<{ status: string; token?: string; errors?: { message: string }[] }>;
  destroy(): Promise<unknown>;
  focus?(field: string): unknown;
}
interface SquareSdk {
  payments(applicationId: string, locationId: string): { card(): Promise<SquareCard> };
}

export function createForm(host: FormHost): PaymentForm {
  return new SquareForm(host);
}

/** Square's CDN: its sandbox for sandbox application ids, else production. */
function sdkUrl(applicationId: string): string {
  return applicationId.startsWith('sandbox-')
    ? 'https://sandbox.web.squarecdn.com/v1/square.js'
    : 'https://web.squarecdn.com/v1/square.js';
}

function loadSdk(applicationId: string): Promise<SquareSdk> {
  const present = (window as { Square?: SquareSdk }).Square;
  if (present) return Promise.resolve(present);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = sdkUrl(applicationId);
    script.onload = () => {
      const loaded = (window as { Square?: SquareSdk }).Square;
      if (loaded) resolve(loaded);
      else reject(new Error('square.js did not define Square'));
    };
    script.onerror = () => reject(new Error('square.js did not load'));
    document.head.append(script);
  });
}

class SquareForm implements PaymentForm, Collector {
  private card: SquareCard | null = null;
  private readonly container = document.createElement('div');
  private state: 'loading' | 'ready' | 'failed' = 'loading';
  private mounted: Promise<void>;
  /** The token of the press under way: Square's tokens are used once. */
  private token: string | null = null;
  private readonly flow: PaymentFlow;

  constructor(private readonly host: FormHost) {
    this.flow = new PaymentFlow(host, this);
    this.mounted = this.mount();
  }

  pay(request: PaymentRequest) {
    return this.flow.pay(request);
  }

  private async mount(): Promise<void> {
    const { portal } = this.host.now();
    this.state = 'loading';
    try {
      if (portal.provider.name !== 'square') throw new Error('the portal is not Square');
      const { application_id: app, location_id: location } = portal.provider;
      const sdk = await loadSdk(app);
      this.card = await sdk.payments(app, location).card();
      this.container.className = 'square-card';
      this.host.element.paymentFormHost.replaceChildren(this.container);
      await this.card.attach(this.container);
      this.state = 'ready';
    } catch {
      this.state = 'failed';
    }
    this.host.element.requestUpdate();
  }

  render(): unknown {
    const { html, nothing } = this.host.kit;
    const { t } = this.host.now().l;
    this.container.hidden = this.host.now().savedCard !== null;
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

  async ready(): Promise<boolean> {
    await this.mounted;
    if (this.state !== 'ready') return false;
    this.token = null;
    if (this.host.now().savedCard) return true;
    // Square shows what is missing or wrong in its own fields.
    const result = await this.card!.tokenize();
    if (result.status !== 'OK' || !result.token) return false;
    this.token = result.token;
    return true;
  }

  confirm(payment: PortalPayment, acceptTotal: number | null): Promise<PortalPayment> {
    const source = this.token;
    this.token = null;
    return this.host.now().api.confirmPayment(payment.id, {
      square: source ? { source_id: source } : {},
      ...(acceptTotal !== null ? { accept_total: acceptTotal } : {}),
    });
  }

  showError(): boolean {
    return false;
  }

  failureMessage(payment: PortalPayment): string | null {
    return payment.failure?.message ?? null;
  }

  clear(focus: boolean): void {
    if (focus) this.card?.focus?.('cardNumber');
  }

  dispose(): void {
    void this.card?.destroy();
    this.container.remove();
  }
}
