/**
 * A stand-in for PayPal's JS SDK, for the browser tests only: installed as `window.paypal`
 * before the PayPal form opens, so the form uses it instead of loading PayPal's script (which
 * the tests cannot reach). Its Buttons draw a plain button per funding source; a click runs what
 * PayPal's SDK runs — `onClick` (and stops when it is rejected), `createOrder`, then PayPal's
 * window: the buyer approves the order (at the PayPal stand-in behind the fixture server, with
 * the funding the test chose) and `onApprove` follows, or the buyer closes it and `onCancel` does.
 */
import { paypalJs } from './portal-fixtures.ts';

type Funding = 'approves' | 'pending' | 'declined' | 'denied';

export interface PayPalStandIn {
  /** Funding sources the element asked buttons for, in order. */
  buttons: string[];
  /** Orders `createOrder` answered, in order. */
  orders: string[];
  /** Clicks PayPal's `onClick` rejected (a choice to correct first). */
  rejected: number;
  /** How the buyer's funding fares; `closes`: the buyer closes PayPal's window. */
  buyer: Funding | 'closes';
  /** Funding sources PayPal offers this buyer (`isEligible`). */
  eligible: string[];
  reset(): void;
}

interface Options {
  fundingSource: string;
  onClick(data: unknown, actions: { resolve(): Promise<void>; reject(): Promise<void> }): unknown;
  createOrder(): Promise<string>;
  onApprove(data: { orderID: string }): Promise<void>;
  onCancel(data: { orderID: string }): void;
  onError(error: unknown): void;
}

export function installPayPalStandIn(): PayPalStandIn {
  const fresh = () => ({
    buttons: [],
    orders: [],
    rejected: 0,
    buyer: 'approves' as const,
    eligible: ['paypal', 'venmo'],
  });
  const stand: PayPalStandIn = { ...fresh(), reset: () => Object.assign(stand, fresh()) };

  async function press(options: Options) {
    let rejected = false;
    await options.onClick(
      { fundingSource: options.fundingSource },
      {
        resolve: async () => {},
        reject: async () => {
          rejected = true;
        },
      },
    );
    if (rejected) {
      stand.rejected += 1;
      return;
    }
    let orderID: string;
    try {
      orderID = await options.createOrder();
    } catch (error) {
      options.onError(error);
      return;
    }
    stand.orders.push(orderID);
    if (stand.buyer === 'closes') return options.onCancel({ orderID });
    await paypalJs({
      op: 'approve',
      orderId: orderID,
      funding: stand.buyer,
      wallet: options.fundingSource === 'venmo' ? 'venmo' : 'paypal',
    });
    await options.onApprove({ orderID });
  }

  (window as { paypal?: unknown }).paypal = {
    FUNDING: { PAYPAL: 'paypal', VENMO: 'venmo' },
    Buttons(options: Options) {
      stand.buttons.push(options.fundingSource);
      return {
        isEligible: () => stand.eligible.includes(options.fundingSource),
        async render(container: HTMLElement) {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'paypal-stand-in';
          button.dataset.funding = options.fundingSource;
          button.textContent = options.fundingSource === 'venmo' ? 'Venmo' : 'PayPal';
          button.addEventListener('click', () => void press(options));
          container.append(button);
        },
        async close() {},
      };
    },
  };
  return stand;
}
