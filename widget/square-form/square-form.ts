/**
 * The Square form: Square's Web Payments SDK (loaded only now that the payment block shows:
 * square-sdk.ts) with its card form attached in the element's light-DOM child
 * (`paymentFormHost`), as Stripe's is; Apple Pay and Google Pay beside it where Square offers
 * them (square-wallets.ts); and an ACH bank transfer through Plaid when the customer chooses
 * "Bank account" and the seller takes ACH (`payments.ach()` throws otherwise).
 *
 * At Pay, whatever the way, the SDK makes a one-time token: a card's (`card.tokenize()`, then
 * `payments.verifyBuyer()`, Square's Strong Customer Authentication: its bank's challenge where
 * one is asked, and a `verf:` token sent with the card), a wallet's, or a bank account's
 * (`ach.tokenize()`: `bnon:`). The element makes the payment and the token goes to `POST
 * …/payments/:id/confirm {"square": {"source_id", "verification_token"?}}`: the server authorizes
 * a card, reads its funding, settles the fee (a debit card pays none: `fee_changed`, accepted
 * with a new token at the next press) and captures; a bank transfer is sent for the bank method's
 * total and is `processing` until Square says it completed. A saved card sends no token.
 */
import type { PaymentRequest, PortalPayment } from '../../shared/api/portal.ts';
import { type Collector, PaymentFlow } from '../provider-form/payment-flow.ts';
import type { FormHost, PaymentForm } from '../provider-form/provider-form.ts';
import { squareBank } from './square-bank.ts';
import {
  decimalAmount,
  loadSdk,
  type SquareAch,
  type SquareCard,
  type SquarePayments,
} from './square-sdk.ts';
import { squareStrings } from './square-strings.ts';
import { SquareWallets, type WalletName } from './square-wallets.ts';

export function createForm(host: FormHost): PaymentForm {
  return new SquareForm(host);
}

/** A wallet button's press reaches the form through the element's Pay this soon, or not at all. */
const WALLET_PRESS_MS = 2_000;

class SquareForm implements PaymentForm, Collector {
  private payments: SquarePayments | null = null;
  private card: SquareCard | null = null;
  private ach: SquareAch | null = null;
  private readonly container = document.createElement('div');
  private readonly wallets = new SquareWallets((wallet) => this.pressWallet(wallet));
  private state: 'loading' | 'ready' | 'failed' = 'loading';
  private mounted: Promise<void>;
  /** The token of the press under way (Square's tokens are used once), and its verification. */
  private token: string | null = null;
  private verification: string | null = null;
  /** The wallet whose button was pressed, and when. */
  private wallet: { name: WalletName; at: number } | null = null;
  /** Why the last press stopped before anything was made (a bank check failed…). */
  private problem = '';
  private readonly flow: PaymentFlow;

  constructor(private readonly host: FormHost) {
    this.flow = new PaymentFlow(host, this);
    this.mounted = this.mount();
  }

  pay(request: PaymentRequest) {
    return this.flow.pay(request);
  }

  private async mount(): Promise<void> {
    const { portal, total, l } = this.host.now();
    this.state = 'loading';
    try {
      if (portal.provider.name !== 'square') throw new Error('the portal is not Square');
      const { application_id: app, location_id: location } = portal.provider;
      const sdk = await loadSdk(app);
      this.payments = sdk.payments(app, location);
      this.card = await this.payments.card();
      this.container.className = 'square-card';
      this.host.element.paymentFormHost.replaceChildren(this.container, this.wallets.container);
      await this.card.attach(this.container);
      this.state = 'ready';
      const s = squareStrings(l.lang);
      await this.wallets.mount(this.payments, l, portal.currency, total, portal.business.name, s);
      if (portal.payment_methods.some((method) => method.type === 'us_bank_account')) {
        this.ach = await this.payments
          .ach({ transactionId: crypto.randomUUID() })
          .catch(() => null);
      }
    } catch {
      if (this.state !== 'ready') this.state = 'failed';
    }
    this.host.element.requestUpdate();
  }

  render(): unknown {
    const { html, nothing } = this.host.kit;
    const { l, method, savedCard, total, portal } = this.host.now();
    const s = squareStrings(l.lang);
    const bank = method === 'us_bank_account';
    this.container.hidden = savedCard !== null || bank;
    this.wallets.container.style.display = savedCard !== null || bank ? 'none' : '';
    this.wallets.update(l, total, portal.business.name);
    const problem = this.problem
      ? html`<p class="form-status" role="alert">${this.problem}</p>`
      : nothing;
    if (this.state === 'loading') return html`<p class="form-status muted">${l.t.formLoading}</p>`;
    if (this.state === 'failed') {
      return html`<div class="form-status" role="alert">
        <p>${l.t.formFailed}</p>
        <button class="button" type="button" @click=${() => this.retry()}>${l.t.retry}</button>
      </div>`;
    }
    if (bank) {
      return html`<p class="form-status muted">${this.ach ? s.bankNote : s.bankUnavailable}</p>
        ${problem}`;
    }
    return problem;
  }

  private retry(): void {
    this.mounted = this.mount();
    this.host.element.requestUpdate();
  }

  /** A wallet's button: the wallet is what the element's Pay now pays with. */
  private pressWallet(name: WalletName): void {
    this.wallet = { name, at: Date.now() };
    const pay =
      this.host.element.renderRoot.querySelector<HTMLButtonElement>('[part="pay-button"]');
    pay?.click();
  }

  async ready(): Promise<boolean> {
    const pressed = this.wallet;
    this.wallet = null;
    await this.mounted;
    this.token = null;
    this.verification = null;
    this.problem = '';
    if (this.state !== 'ready') return false;
    const { savedCard, method, l } = this.host.now();
    const s = squareStrings(l.lang);
    if (method === 'us_bank_account') {
      const token = await squareBank(this.ach, this.host.now());
      if (!token) this.problem = this.ach ? s.bankCanceled : s.bankUnavailable;
      this.token = token;
      return this.show(token !== null);
    }
    if (pressed && Date.now() - pressed.at < WALLET_PRESS_MS) {
      // The device verified its owner: a wallet's token needs no verifyBuyer.
      const result = await this.wallets
        .get(pressed.name)
        ?.tokenize()
        .catch(() => null);
      this.token = result?.status === 'OK' && result.token ? result.token : null;
      return this.token !== null;
    }
    if (savedCard) return true;
    // Square shows what is missing or wrong in its own fields.
    const result = await this.card!.tokenize();
    if (result.status !== 'OK' || !result.token) return false;
    const verified = await this.verify(result.token);
    if (!verified) {
      this.problem = s.notVerified;
      return this.show(false);
    }
    this.token = result.token;
    this.verification = verified;
    return true;
  }

  /** Square's buyer verification for this card and the total about to be charged. */
  private async verify(source: string): Promise<string | null> {
    const { total, portal, l } = this.host.now();
    const [givenName, ...rest] = portal.customer.name.trim().split(/\s+/);
    try {
      const result = await this.payments!.verifyBuyer(source, {
        amount: decimalAmount(l, total),
        currencyCode: portal.currency.toUpperCase(),
        intent: 'CHARGE',
        billingContact: {
          ...(givenName ? { givenName } : {}),
          ...(rest.length > 0 ? { familyName: rest.join(' ') } : {}),
        },
        customerInitiated: true,
        sellerKeyedIn: false,
      });
      return result?.token ?? null;
    } catch {
      return null;
    }
  }

  private show(ok: boolean): boolean {
    this.host.element.requestUpdate();
    return ok;
  }

  confirm(payment: PortalPayment, acceptTotal: number | null): Promise<PortalPayment> {
    const source = this.token;
    const verification = this.verification;
    this.token = null;
    this.verification = null;
    return this.host.now().api.confirmPayment(payment.id, {
      square: {
        ...(source ? { source_id: source } : {}),
        ...(verification ? { verification_token: verification } : {}),
      },
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
    this.problem = '';
    if (focus) this.card?.focus?.('cardNumber');
  }

  dispose(): void {
    void this.card?.destroy();
    void this.ach?.destroy();
    this.wallets.dispose();
    this.container.remove();
  }
}
