/**
 * Apple Pay and Google Pay beside Square's card form, where Square offers them: each is asked of
 * the SDK (`payments.applePay(request)`, `payments.googlePay(request)`), which throws where the
 * wallet is not available (Apple Pay outside Safari, a seller without it…); only those that
 * initialise get a button. A button chooses its wallet and presses the element's Pay, so the
 * customer's choices are checked and priced as for a card; the wallet's sheet then shows the
 * total (kept up to date in the payment request). Light DOM, beside the card form.
 */
import type { SquarePaymentRequest, SquarePayments, SquareWallet } from './square-sdk.ts';
import { countryOf, decimalAmount } from './square-sdk.ts';
import type { SquareStrings } from './square-strings.ts';

export type WalletName = 'apple_pay' | 'google_pay';

/** The element's Localizer, as far as amounts go. */
type Amounts = Parameters<typeof decimalAmount>[0];

export class SquareWallets {
  readonly container = document.createElement('div');
  private request: SquarePaymentRequest | null = null;
  /** The total the payment request last had. */
  private shown = '';
  private readonly wallets = new Map<WalletName, SquareWallet>();

  constructor(private readonly choose: (wallet: WalletName) => void) {
    this.container.className = 'square-wallets';
    this.container.hidden = true;
  }

  async mount(
    payments: SquarePayments,
    l: Amounts,
    currency: string,
    total: number,
    label: string,
    s: SquareStrings,
  ): Promise<void> {
    try {
      this.request = payments.paymentRequest({
        countryCode: countryOf(currency),
        currencyCode: currency.toUpperCase(),
        total: { amount: decimalAmount(l, total), label },
      });
      this.shown = decimalAmount(l, total);
    } catch {
      return;
    }
    const [apple, google] = await Promise.all([
      payments.applePay(this.request).catch(() => null),
      payments.googlePay(this.request).catch(() => null),
    ]);
    const buttons: HTMLElement[] = [];
    if (apple) {
      this.wallets.set('apple_pay', apple);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'square-apple-pay';
      button.lang = 'en';
      button.setAttribute('aria-label', s.applePay);
      button.textContent = 'Apple Pay';
      button.setAttribute(
        'style',
        '-webkit-appearance:-apple-pay-button;-apple-pay-button-type:pay;display:block;width:100%;min-height:44px;margin:0 0 8px;border:0;border-radius:6px;background:#000;color:#fff;font:600 16px system-ui,sans-serif;cursor:pointer',
      );
      button.addEventListener('click', () => this.choose('apple_pay'));
      buttons.push(button);
    }
    if (google) {
      this.wallets.set('google_pay', google);
      const target = document.createElement('div');
      target.className = 'square-google-pay';
      target.setAttribute('style', 'min-height:44px');
      // Google's own button (its brand rules), drawn by the SDK; a press chooses it.
      target.addEventListener('click', () => this.choose('google_pay'));
      buttons.push(target);
      await google.attach?.(target, { buttonColor: 'black', buttonSizeMode: 'fill' });
    }
    if (buttons.length === 0) return;
    const heading = document.createElement('p');
    heading.className = 'square-wallets-title';
    heading.textContent = s.orPayWith;
    heading.setAttribute('style', 'margin:12px 0 8px;font-size:14px;color:inherit');
    this.container.replaceChildren(heading, ...buttons);
    this.container.hidden = false;
  }

  /** The wallet's sheet shows what the customer pays now. */
  update(l: Amounts, total: number, label: string): void {
    const amount = decimalAmount(l, total);
    if (!this.request || amount === this.shown) return;
    this.shown = amount;
    try {
      this.request.update({ total: { amount, label } });
    } catch {
      // A sheet that is open keeps its total; the server charges the one it settles anyway.
    }
  }

  get(name: WalletName): SquareWallet | undefined {
    return this.wallets.get(name);
  }

  dispose(): void {
    for (const wallet of this.wallets.values()) void wallet.destroy();
    this.container.remove();
  }
}
