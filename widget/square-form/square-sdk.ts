/**
 * The part of Square's Web Payments SDK (`square.js`) the Square form uses, and its loading from
 * Square's CDN (its sandbox for sandbox application ids), only once the payment block shows. A
 * page or test that already has `window.Square` keeps it.
 */
export interface TokenResult {
  status: string;
  token?: string;
  errors?: { message: string }[];
}

export interface SquareCard {
  attach(target: HTMLElement): Promise<void>;
  tokenize(): Promise<TokenResult>;
  destroy(): Promise<unknown>;
  focus?(field: string): unknown;
}

/** Apple Pay or Google Pay: `payments.applePay(request)` throws where the wallet is not offered. */
export interface SquareWallet {
  attach?(target: HTMLElement, options?: Record<string, unknown>): Promise<void>;
  tokenize(): Promise<TokenResult>;
  destroy(): Promise<unknown>;
}

/** An ACH bank transfer through Plaid; `payments.ach()` throws where the seller has no ACH. */
export interface SquareAch {
  tokenize(options: {
    accountHolderName: string;
    intent: 'CHARGE';
    amount: string;
    currency: string;
  }): Promise<TokenResult | undefined>;
  addEventListener?(
    type: 'ontokenization',
    listener: (event: { detail: { tokenResult?: TokenResult; error?: unknown } }) => void,
  ): void;
  destroy(): Promise<unknown>;
}

export interface SquarePaymentRequest {
  update(changes: { total: { amount: string; label: string } }): unknown;
}

export interface VerificationDetails {
  amount: string;
  currencyCode: string;
  intent: 'CHARGE';
  billingContact: { givenName?: string; familyName?: string; phone?: string };
  customerInitiated: true;
  sellerKeyedIn: false;
}

export interface SquarePayments {
  card(): Promise<SquareCard>;
  /** Strong Customer Authentication: the bank's check (a challenge only where it asks one). */
  verifyBuyer(source: string, details: VerificationDetails): Promise<{ token?: string } | null>;
  paymentRequest(options: {
    countryCode: string;
    currencyCode: string;
    total: { amount: string; label: string };
  }): SquarePaymentRequest;
  applePay(request: SquarePaymentRequest): Promise<SquareWallet>;
  googlePay(request: SquarePaymentRequest): Promise<SquareWallet>;
  ach(options?: { transactionId?: string }): Promise<SquareAch>;
}

export interface SquareSdk {
  payments(applicationId: string, locationId: string): SquarePayments;
}

/** Square's CDN: its sandbox for sandbox application ids, else production. */
function sdkUrl(applicationId: string): string {
  return applicationId.startsWith('sandbox-')
    ? 'https://sandbox.web.squarecdn.com/v1/square.js'
    : 'https://web.squarecdn.com/v1/square.js';
}

export function loadSdk(applicationId: string): Promise<SquareSdk> {
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

/**
 * Minor units as Square's browser SDK writes amounts: "149.12", "5000" for JPY (the element's
 * Localizer knows the currency's decimals; its decimal comma becomes Square's point).
 */
export function decimalAmount(l: { amountInput(amount: number): string }, amount: number): string {
  return l.amountInput(amount).replace(',', '.');
}

/**
 * The seller's country, which Apple Pay and Google Pay ask for, from the business's currency
 * (Square takes payments in one currency per country it serves).
 */
export function countryOf(currency: string): string {
  const byCurrency: Record<string, string> = {
    usd: 'US',
    cad: 'CA',
    gbp: 'GB',
    aud: 'AU',
    jpy: 'JP',
    eur: 'IE',
  };
  return byCurrency[currency.toLowerCase()] ?? 'US';
}
