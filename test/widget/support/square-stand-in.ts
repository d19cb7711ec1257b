/**
 * A stand-in for Square's Web Payments SDK, for the browser tests only: installed as
 * `window.Square` before the payment form opens, so the Square form uses it instead of fetching
 * square.js from Square's CDN (which the tests cannot reach). It records what the element asks of
 * it, draws a plain box where Square's card iframe would be, and tokenizes the test card the test
 * "typed" through the Square stand-in behind the fixture server (a one-time `cnon:` token), or
 * reports the card incomplete, as Square's fields do.
 */
import { squareJs } from './portal-fixtures.ts';

export interface SquareStandIn {
  payments: { applicationId: string; locationId: string }[];
  attached: HTMLElement[];
  tokens: string[];
  destroyed: number;
  /** The test card in Square's fields; empty: the fields are not filled in. */
  card: string;
  reset(): void;
}

export function installSquareStandIn(): SquareStandIn {
  const stand: SquareStandIn = {
    payments: [],
    attached: [],
    tokens: [],
    destroyed: 0,
    card: '4111111111111111',
    reset() {
      Object.assign(stand, {
        payments: [],
        attached: [],
        tokens: [],
        destroyed: 0,
        card: '4111111111111111',
      });
    },
  };
  (window as { Square?: unknown }).Square = {
    payments(applicationId: string, locationId: string) {
      stand.payments.push({ applicationId, locationId });
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
      };
    },
  };
  return stand;
}
