/**
 * A stand-in for Stripe.js, for the browser tests only: installed as `window.Stripe` before the
 * payment form opens, so @stripe/stripe-js uses it instead of fetching js.stripe.com (which the
 * tests cannot reach). It records what the element asks of it, draws a plain box where the
 * Payment Element's iframe would be, and does what Stripe.js does with Stripe through the fake
 * Stripe API behind the Stripe fixture server: a ConfirmationToken for the card the test "typed"
 * (`card`), and the customer's answer to a 3-D Secure step (`handleNextAction`). It has no
 * `confirmPayment`: the server confirms the PaymentIntent with the ConfirmationToken.
 */
import type { StripeJsCall } from './fixture-server.ts';
import { stripeJs } from './portal-fixtures.ts';

interface Recorded {
  constructed: { key: string; options: Record<string, unknown> }[];
  elements: Record<string, unknown>[];
  updates: Record<string, unknown>[];
  mounted: HTMLElement[];
  submits: number;
  tokens: string[];
  /** `createConfirmationToken`'s options (elements and params). */
  tokenOptions: Record<string, unknown>[];
  /** `handleNextAction` calls: the 3-D Secure step Stripe.js would show. */
  nextActions: { clientSecret: string }[];
  cleared: number;
}

export interface StripeStandIn extends Recorded {
  /** The test card in the Payment Element. */
  card: string;
  /** Whether the customer passes the bank's 3-D Secure step. */
  passThreeDSecure: boolean;
  /** The Payment Element's `change` event, as when the customer picks a tab. */
  change(type: string): void;
  /** Forgets what was recorded (@stripe/stripe-js keeps the first Stripe.js it found). */
  reset(): void;
}

type Listener = (event: unknown) => void;

export function installStripeStandIn(): StripeStandIn {
  const listeners: Listener[] = [];
  const stand: StripeStandIn = {
    constructed: [],
    elements: [],
    updates: [],
    mounted: [],
    submits: 0,
    tokens: [],
    tokenOptions: [],
    nextActions: [],
    cleared: 0,
    card: '4242424242424242',
    passThreeDSecure: true,
    change(type) {
      const event = { elementType: 'payment', complete: true, empty: false, value: { type } };
      for (const listener of listeners) listener(event);
    },
    reset() {
      Object.assign(stand, {
        constructed: [],
        elements: [],
        updates: [],
        mounted: [],
        submits: 0,
        tokens: [],
        tokenOptions: [],
        nextActions: [],
        cleared: 0,
        card: '4242424242424242',
        passThreeDSecure: true,
      });
      listeners.length = 0;
    },
  };

  const paymentElement = {
    mount(target: HTMLElement) {
      stand.mounted.push(target);
      const frame = document.createElement('div');
      frame.className = 'stripe-stand-in';
      frame.textContent = 'Payment Element (test stand-in)';
      target.append(frame);
    },
    on(event: string, listener: Listener) {
      if (event === 'change') listeners.push(listener);
    },
    clear() {
      stand.cleared += 1;
    },
    focus() {},
    destroy() {},
  };

  function Stripe(key: string, options: Record<string, unknown> = {}) {
    stand.constructed.push({ key, options });
    return {
      elements(options: Record<string, unknown>) {
        stand.elements.push(options);
        return {
          create: () => paymentElement,
          update(options: Record<string, unknown>) {
            stand.updates.push(options);
          },
          async submit() {
            stand.submits += 1;
            return {};
          },
        };
      },
      async createConfirmationToken(options: Record<string, unknown>) {
        stand.tokenOptions.push(options);
        const token = (await stripeJs({ op: 'confirmation_token', card: stand.card })) as {
          id: string;
        };
        stand.tokens.push(token.id);
        return { confirmationToken: token };
      },
      // No confirmPayment: the server confirms (a call to it would fail the test).
      async handleNextAction(options: { clientSecret: string }) {
        stand.nextActions.push(options);
        const call: StripeJsCall = {
          op: 'next_action',
          clientSecret: options.clientSecret,
          pass: stand.passThreeDSecure,
        };
        const intent = (await stripeJs(call)) as {
          last_payment_error: { type: string; code: string; message: string } | null;
        };
        const error = intent.last_payment_error;
        return error ? { error } : { paymentIntent: intent };
      },
    };
  }
  // The release train @stripe/stripe-js expects (it warns about any other).
  Stripe.version = 'endive';
  (window as { Stripe?: unknown }).Stripe = Stripe;
  return stand;
}
