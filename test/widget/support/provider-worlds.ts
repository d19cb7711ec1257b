/**
 * The payment providers behind the widget fixtures: the sandbox's world, started with the
 * fixture server, and a world for each other provider, made on first use over its stand-in
 * (Stripe, Square, PayPal beside the sandbox's cards, Stripe with PayPal beside it); and the
 * calls the browser's stand-ins for the providers' SDKs make of those stand-ins (`stripeJs`,
 * `squareJs`, `paypalJs`), playing the parts of Stripe.js, the Web Payments SDK and PayPal's
 * window that reach the provider.
 */
import { type FakePayPal, PAYPAL_CLIENT, startFakePayPal } from '../../support/fake-paypal.ts';
import type { Funding } from '../../support/fake-paypal-api.ts';
import { type FakeSquare, startFakeSquare } from '../../support/fake-square.ts';
import { type FakeStripe, startFakeStripe } from '../../support/fake-stripe.ts';
import { startWorld, type World } from './fixture-world.ts';

/** The sandbox (default), Stripe or Square; `paypal`: the sandbox's cards and PayPal beside them. */
export type FixtureProvider = 'sandbox' | 'stripe' | 'square' | 'paypal' | 'stripe-paypal';

/** What the browser's stand-in for Stripe.js asks of Stripe (the fake). */
export type StripeJsCall =
  | { op: 'confirmation_token'; card: string }
  | { op: 'next_action'; clientSecret: string; pass: boolean }
  | { op: 'confirm_requests' };

/** What the Web Payments SDK's stand-in asks of the Square stand-in behind the fixture server. */
export type SquareJsCall =
  | { op: 'tokenize'; card: string }
  | { op: 'verify'; source: string }
  | { op: 'wallet'; card: string; wallet: 'APPLE_PAY' | 'GOOGLE_PAY' }
  | { op: 'bank'; account: 'ok' | 'fails' }
  | { op: 'creates' };

/** What PayPal's window does: the buyer approves the order, with a funding that fares so. */
export interface PayPalJsCall {
  op: 'approve';
  orderId: string;
  funding: Funding;
  wallet: 'paypal' | 'venmo';
}

export interface ProviderWorlds {
  /** The sandbox's world, started at once: the fixture server's `apiBase`. */
  sandbox: World;
  /** The world a fixture for `provider` is made in. */
  worldFor(provider: FixtureProvider | undefined): Promise<World>;
  /** The Stripe world and its stand-in (the customer's payment of the 'paid' fixtures uses it). */
  stripe(): Promise<{ world: World; fake: FakeStripe }>;
  stripeJs(call: StripeJsCall): Promise<unknown>;
  squareJs(call: SquareJsCall): Promise<unknown>;
  paypalJs(call: PayPalJsCall): Promise<unknown>;
  close(): Promise<void>;
}

export async function startProviderWorlds(allowOrigins: string[]): Promise<ProviderWorlds> {
  const sandbox = await startWorld(allowOrigins);
  let stripe: Promise<{ world: World; fake: FakeStripe }> | null = null;
  // A second world, made on first use, runs the Stripe provider against the fake Stripe API
  // (test/support/fake-stripe.ts), for the Stripe form's tests: `stripeJs()` plays the parts of
  // Stripe.js that reach Stripe (a ConfirmationToken, a confirmation) for the browser's stand-in.
  const stripeWorld = () => {
    stripe ??= startFakeStripe().then(async (fake) => ({
      fake,
      world: await startWorld(allowOrigins, {
        PAYMENT_PROVIDER: 'stripe',
        STRIPE_SECRET_KEY: 'sk_test_widget',
        STRIPE_PUBLISHABLE_KEY: 'pk_test_widget',
        STRIPE_WEBHOOK_SECRET: 'whsec_test_widget',
        STRIPE_API_BASE: fake.url,
      }),
    }));
    return stripe;
  };
  let square: Promise<{ world: World; fake: FakeSquare }> | null = null;
  // A third world, made on first use, runs the Square provider against the Square stand-in.
  const squareWorld = () => {
    square ??= startFakeSquare().then(async (fake) => ({
      fake,
      world: await startWorld(allowOrigins, {
        PAYMENT_PROVIDER: 'square',
        SQUARE_ACCESS_TOKEN: 'EAAAtest_widget',
        SQUARE_APPLICATION_ID: 'sandbox-sq0idb-widget',
        SQUARE_LOCATION_ID: fake.api.locationId,
        SQUARE_WEBHOOK_SIGNATURE_KEY: 'sigkey_widget',
        SQUARE_API_BASE: fake.url,
      }),
    }));
    return square;
  };
  let paypal: Promise<{ world: World; fake: FakePayPal }> | null = null;
  // A fourth, made on first use: the sandbox for cards and PayPal beside it, over the PayPal stand-in.
  const paypalWorld = () => {
    paypal ??= startFakePayPal().then(async (fake) => ({
      fake,
      world: await startWorld(allowOrigins, {
        PAYPAL_CLIENT_ID: PAYPAL_CLIENT.id,
        PAYPAL_CLIENT_SECRET: PAYPAL_CLIENT.secret,
        PAYPAL_WEBHOOK_ID: 'WH0WIDGET',
        PAYPAL_API_BASE: fake.url,
      }),
    }));
    return paypal;
  };
  let stripePaypal: Promise<World> | null = null;
  // A fifth, made on first use: Stripe for cards and PayPal beside it, over the same two
  // stand-ins as the worlds above, so `stripeJs()` and `paypalJs()` serve it too.
  const stripePaypalWorld = () => {
    stripePaypal ??= Promise.all([stripeWorld(), paypalWorld()]).then(([s, p]) =>
      startWorld(allowOrigins, {
        PAYMENT_PROVIDER: 'stripe',
        STRIPE_SECRET_KEY: 'sk_test_widget',
        STRIPE_PUBLISHABLE_KEY: 'pk_test_widget',
        STRIPE_WEBHOOK_SECRET: 'whsec_test_widget',
        STRIPE_API_BASE: s.fake.url,
        PAYPAL_CLIENT_ID: PAYPAL_CLIENT.id,
        PAYPAL_CLIENT_SECRET: PAYPAL_CLIENT.secret,
        PAYPAL_WEBHOOK_ID: 'WH0WIDGET',
        PAYPAL_API_BASE: p.fake.url,
      }),
    );
    return stripePaypal;
  };

  return {
    sandbox,
    stripe: stripeWorld,
    async worldFor(provider) {
      return provider === 'stripe'
        ? (await stripeWorld()).world
        : provider === 'square'
          ? (await squareWorld()).world
          : provider === 'paypal'
            ? (await paypalWorld()).world
            : provider === 'stripe-paypal'
              ? await stripePaypalWorld()
              : sandbox;
    },
    async stripeJs(call) {
      const { api } = (await stripeWorld()).fake;
      if (call.op === 'confirmation_token') return api.createConfirmationToken(call.card);
      if (call.op === 'confirm_requests') {
        // What our server asked of Stripe to confirm, in order.
        return (await stripeWorld()).fake.requests
          .filter((r) => r.method === 'POST' && r.path.endsWith('/confirm'))
          .map((r) => ({ params: r.params, idempotencyKey: r.idempotencyKey, status: r.status }));
      }
      // The bank's 3-D Secure step, passed or failed, as Stripe.js's handleNextAction shows it.
      return api.completeAction(call.clientSecret.split('_secret_')[0]!, call.pass);
    },
    async squareJs(call) {
      const { api, requests } = (await squareWorld()).fake;
      if (call.op === 'verify') return api.verifyBuyer(call.source);
      if (call.op === 'wallet') return api.tokenizeWallet(call.card, call.wallet);
      if (call.op === 'bank') return api.tokenizeBank(call.account);
      // What our server sent to Square's CreatePayment, in order.
      if (call.op === 'creates') {
        return requests
          .filter((r) => r.method === 'POST' && r.path === '/v2/payments')
          .map((r) => r.body);
      }
      return api.tokenize(call.card);
    },
    async paypalJs(call) {
      const { api } = (await paypalWorld()).fake;
      return api.approve(call.orderId, call.funding, call.wallet).status;
    },
    async close() {
      await sandbox.close();
      if (stripePaypal) await (await stripePaypal).close();
      if (paypal) {
        const { world, fake } = await paypal;
        await world.close();
        await fake.close();
      }
      if (square) {
        const { world, fake } = await square;
        await world.close();
        await fake.close();
      }
      if (stripe) {
        const { world, fake } = await stripe;
        await world.close();
        await fake.close();
      }
    },
  };
}
