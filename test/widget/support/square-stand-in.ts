/**
 * A stand-in for Square's Web Payments SDK, for the browser tests only: installed as
 * `window.Square` before the payment form opens, so the Square form uses it instead of fetching
 * square.js from Square's CDN (which the tests cannot reach). It records what the element asks of
 * it, draws a plain box where Square's card iframe would be, and makes its tokens through the
 * Square stand-in behind the fixture server: the test card the test "typed" (`cnon:`), the
 * buyer's verification (`verf:`, or a failed check, as a bank's challenge the buyer did not pass),
 * a wallet's card (where the test offers Apple Pay or Google Pay; else, as Square does, the
 * wallet throws), and a bank account chosen in Plaid (`bnon:`, where the test offers ACH).
 */
import { squareJs } from './portal-fixtures.ts';

type Details = Record<string, unknown>;

export interface SquareStandIn {
  payments: { applicationId: string; locationId: string }[];
  attached: HTMLElement[];
  tokens: string[];
  destroyed: number;
  /** The test card in Square's fields; empty: the fields are not filled in. */
  card: string;
  /** What verifyBuyer was asked, and whether the buyer passes the bank's check. */
  verifications: Details[];
  verify: 'pass' | 'fail';
  /** The wallets Square offers here, the card in them, and the totals their sheets showed. */
  wallets: { applePay: boolean; googlePay: boolean };
  walletCard: string;
  walletTotals: string[];
  /** Whether the seller takes ACH, and the bank account the customer picks in Plaid (or none). */
  ach: boolean;
  bank: 'ok' | 'fails' | 'closed';
  achAsked: Details[];
  reset(): void;
}

const FRESH = () => ({
  payments: [],
  attached: [],
  tokens: [],
  destroyed: 0,
  card: '4111111111111111',
  verifications: [],
  verify: 'pass' as const,
  wallets: { applePay: false, googlePay: false },
  walletCard: '4111111111111111',
  walletTotals: [],
  ach: false,
  bank: 'ok' as const,
  achAsked: [],
});

export function installSquareStandIn(): SquareStandIn {
  const stand: SquareStandIn = {
    ...FRESH(),
    reset() {
      Object.assign(stand, FRESH());
    },
  };
  const unsupported = () => Promise.reject(new Error('PaymentMethodUnsupportedError'));
  (window as { Square?: unknown }).Square = {
    payments(applicationId: string, locationId: string) {
      stand.payments.push({ applicationId, locationId });
      let total = '';
      const wallet = (name: 'APPLE_PAY' | 'GOOGLE_PAY') => ({
        async attach(target: HTMLElement) {
          const button = document.createElement('button');
          button.type = 'button';
          button.textContent = 'Google Pay (test stand-in)';
          target.append(button);
        },
        async tokenize() {
          stand.walletTotals.push(total);
          const token = await squareJs({ op: 'wallet', card: stand.walletCard, wallet: name });
          stand.tokens.push(token);
          return { status: 'OK', token };
        },
        async destroy() {},
      });
      return {
        async card() {
          return {
            async attach(target: HTMLElement) {
              stand.attached.push(target);
              const frame = document.createElement('div');
              frame.className = 'square-stand-in';
              frame.textContent = 'Square card form (test stand-in)';
              target.append(frame);
            },
            async tokenize() {
              if (!stand.card) {
                return { status: 'Invalid', errors: [{ message: 'Card number is not valid' }] };
              }
              const token = await squareJs({ op: 'tokenize', card: stand.card });
              stand.tokens.push(token);
              return { status: 'OK', token };
            },
            async destroy() {
              stand.destroyed += 1;
              return true;
            },
            focus() {},
          };
        },
        async verifyBuyer(source: string, details: Details) {
          stand.verifications.push(details);
          if (stand.verify === 'fail') throw new Error('VerifyBuyerError');
          return { token: await squareJs({ op: 'verify', source }), userChallenged: true };
        },
        paymentRequest(options: { total: { amount: string } }) {
          total = options.total.amount;
          return {
            update(changes: { total: { amount: string } }) {
              total = changes.total.amount;
            },
          };
        },
        applePay: () =>
          stand.wallets.applePay ? Promise.resolve(wallet('APPLE_PAY')) : unsupported(),
        googlePay: () =>
          stand.wallets.googlePay ? Promise.resolve(wallet('GOOGLE_PAY')) : unsupported(),
        async ach() {
          if (!stand.ach) throw new Error('PaymentMethodUnsupportedError');
          return {
            async tokenize(options: Details) {
              stand.achAsked.push(options);
              if (stand.bank === 'closed') return { status: 'Cancel' };
              const token = await squareJs({ op: 'bank', account: stand.bank });
              stand.tokens.push(token);
              return { status: 'OK', token };
            },
            async destroy() {},
          };
        },
      };
    },
  };
  return stand;
}
