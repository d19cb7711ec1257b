/** The browser tests' and screenshots' fixtures, made through the staff API in fixture-world.ts. */
import { randomBytes } from 'node:crypto';
import { createBusiness } from '../../../server/businesses/businesses.ts';
import type { BusinessSettings } from '../../../server/businesses/settings.ts';
import { type FakePayPal, PAYPAL_CLIENT, startFakePayPal } from '../../support/fake-paypal.ts';
import type { Funding } from '../../support/fake-paypal-api.ts';
import { type FakeSquare, startFakeSquare } from '../../support/fake-square.ts';
import { type FakeStripe, startFakeStripe } from '../../support/fake-stripe.ts';
import { payAsCustomer, staffIn, startWorld, type World } from './fixture-world.ts';
import { XSS } from './payloads.ts';

export type FixtureState =
  | 'zero'
  | 'credit'
  | 'outstanding'
  | 'partial'
  | 'jpy'
  | 'xss'
  | 'invoice'
  | 'branded'
  /** Outstanding, after the customer paid the first invoice with the sandbox's 4242 card. */
  | 'paid'
  /** An estimate link: a pending estimate with a deposit. */
  | 'estimate'
  /**
   * A customer link with an open invoice and two estimates: one pending with a 25% deposit, one
   * past its valid-until day.
   */
  | 'estimates'
  /** Like 'paid', with the card saved for next time. */
  | 'saved-card'
  /** A customer link with 30 open invoices: the portal shows 25 and "Show 5 more invoices". */
  | 'many-invoices';

export interface FixtureRequest {
  state: FixtureState;
  /** The business's locale (the element's own `locale` attribute is separate). */
  locale?: string;
  /**
   * The payment provider: the sandbox (default), Stripe or Square (their stand-ins behind);
   * `paypal`: the sandbox for cards and PayPal beside it (the PayPal stand-in behind).
   */
  provider?: 'sandbox' | 'stripe' | 'square' | 'paypal' | 'stripe-paypal';
}

/** What the browser's stand-in for Stripe.js asks of Stripe (the fake). */
export type StripeJsCall =
  | { op: 'confirmation_token'; card: string }
  | { op: 'next_action'; clientSecret: string; pass: boolean }
  | { op: 'confirm_requests' };

export interface Fixture {
  apiBase: string;
  token: string;
  link: string;
  /** The payment the 'paid' fixture made. */
  payment?: string;
}

export interface FixtureServer {
  apiBase: string;
  create(request: FixtureRequest): Promise<Fixture>;
  /** The link's activity types, oldest first, as staff sees them. */
  linkEvents(link: string): Promise<string[]>;
  /** A staff API call with the key of the business that owns `link`. */
  staff(link: string, method: string, path: string, body?: unknown): Promise<unknown>;
  stripeJs(call: StripeJsCall): Promise<unknown>;
  /** The Web Payments SDK's part that reaches Square: a one-time token for a test card. */
  squareJs(call: SquareJsCall): Promise<unknown>;
  /** What PayPal's window does: the buyer approves the order, with a funding that fares so. */
  paypalJs(call: {
    op: 'approve';
    orderId: string;
    funding: Funding;
    wallet: 'paypal' | 'venmo';
  }): Promise<unknown>;
  close(): Promise<void>;
}

export async function startFixtureServer(allowOrigins: string[]): Promise<FixtureServer> {
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
  const keys = new Map<string, { apiKey: string; world: World }>();

  async function create({ state, locale, provider }: FixtureRequest): Promise<Fixture> {
    const world =
      provider === 'stripe'
        ? (await stripeWorld()).world
        : provider === 'square'
          ? (await squareWorld()).world
          : provider === 'paypal'
            ? (await paypalWorld()).world
            : provider === 'stripe-paypal'
              ? await stripePaypalWorld()
              : sandbox;
    const { db, apiBase } = world;
    const staff = (apiKey: string, method: string, path: string, body?: unknown) =>
      staffIn(world, apiKey, method, path, body);
    const xss = state === 'xss';
    const settings: Partial<BusinessSettings> = {
      branding: {
        logo_url: state === 'branded' ? `${apiBase}/fixtures/logo.svg` : null,
        brand_color: state === 'branded' ? '#0f766e' : '#1a56db',
        address: xss ? `12 Main St ${XSS.img}` : '12 Harbor Way, Tampa, FL 33602',
        phone: '+1 813 555 0142',
        email: 'billing@bluelagoon.example',
      },
      partial_payments: { enabled: state === 'partial', minimum: 500 },
      convenience_fees: {
        card: { percent_bps: 300, fixed: state === 'jpy' ? 0 : 30 },
        ...(provider === 'paypal' || provider === 'stripe-paypal'
          ? { paypal: { percent_bps: 200, fixed: 10 } }
          : {}),
      },
      allowed_origins: allowOrigins,
    };
    const { apiKey } = await createBusiness(db, {
      name: xss ? `Blue ${XSS.script} Lagoon ${XSS.img}` : 'Blue Lagoon Pools',
      currency: state === 'jpy' ? 'jpy' : 'usd',
      locale: locale ?? (state === 'jpy' ? 'ja-JP' : 'en-US'),
      settings,
    });
    const customer = await staff(apiKey, 'POST', '/v1/customers', {
      name: xss ? `Dana ${XSS.img}` : 'Dana Diaz',
      email: 'dana@example.com',
    });
    const charges = `/v1/customers/${customer.id}/charges`;
    let invoiceId: string | null = null;
    if (state === 'credit') {
      await staff(apiKey, 'POST', `/v1/customers/${customer.id}/credits`, {
        amount: 1250,
        description: 'Refund for a missed visit',
      });
    }
    if (state === 'jpy') {
      const invoice = await staff(apiKey, 'POST', '/v1/invoices', {
        customer: customer.id,
        lines: [{ description: 'Garden care', quantity: 1, unit_amount: 12000, tax_rate: 1000 }],
        due_date: '2026-12-15',
      });
      invoiceId = invoice.id;
      await staff(apiKey, 'POST', charges, { amount: 3000, description: 'Extra visit' });
    }
    const paying = state === 'paid' || state === 'saved-card';
    if (
      ['outstanding', 'partial', 'xss', 'invoice', 'branded', 'estimates'].includes(state) ||
      paying
    ) {
      const first = await staff(apiKey, 'POST', '/v1/invoices', {
        customer: customer.id,
        lines: [
          {
            description: xss ? `Pool ${XSS.script}` : 'Weekly pool cleaning (November)',
            quantity: 1,
            unit_amount: 7500,
            tax_rate: 825,
          },
        ],
        due_date: '2026-11-30',
        notes: xss ? XSS.img : 'Thank you for your business.',
      });
      invoiceId = first.id;
      await staff(apiKey, 'POST', '/v1/invoices', {
        customer: customer.id,
        lines: [
          { description: 'Filter replacement', quantity: 1, unit_amount: 4000, tax_rate: 825 },
        ],
        due_date: '2026-12-15',
      });
      await staff(apiKey, 'POST', charges, {
        amount: 2000,
        tax: 0,
        description: xss ? `Chemicals ${XSS.img}` : 'Chlorine top-up',
        date: '2026-11-20',
      });
      if (xss) {
        // Imported invoice numbers are free text in many systems; the element must show them as text.
        await db
          .updateTable('invoices')
          .set({ number: `INV-${XSS.img}` })
          .where('id', '=', first.id)
          .execute();
      }
    }
    if (state === 'many-invoices') {
      for (let i = 1; i <= 30; i += 1) {
        await staff(apiKey, 'POST', '/v1/invoices', {
          customer: customer.id,
          lines: [{ description: `Visit ${i}`, quantity: 1, unit_amount: 1000 * i }],
        });
      }
    }
    let estimateId: string | null = null;
    if (state === 'estimate') {
      const estimate = await staff(apiKey, 'POST', '/v1/estimates', {
        customer: customer.id,
        lines: [
          { description: 'Pool resurfacing', quantity: 1, unit_amount: 450000, tax_rate: 825 },
        ],
        valid_until: '2099-12-15',
        deposit_percent: 25,
      });
      estimateId = estimate.id;
    }
    if (state === 'estimates') {
      await staff(apiKey, 'POST', '/v1/estimates', {
        customer: customer.id,
        lines: [
          { description: 'Pool resurfacing', quantity: 1, unit_amount: 450000, tax_rate: 825 },
        ],
        valid_until: '2099-12-15',
        deposit_percent: 25,
        terms: 'Work starts within two weeks of approval.',
      });
      const expired = await staff(apiKey, 'POST', '/v1/estimates', {
        customer: customer.id,
        lines: [{ description: 'Heater repair', quantity: 1, unit_amount: 62000 }],
        valid_until: '2099-12-15',
      });
      // Made valid, then its day passes (the staff API takes no valid-until day in the past).
      await db
        .updateTable('estimates')
        .set({ valid_until: '2020-03-01' })
        .where('id', '=', expired.id)
        .execute();
    }
    const target =
      state === 'invoice'
        ? { invoice: invoiceId }
        : state === 'estimate'
          ? { estimate: estimateId }
          : { customer: customer.id };
    const link = await staff(apiKey, 'POST', '/v1/payment_links', target);
    keys.set(link.id, { apiKey, world });
    const token = link.url.split('/').pop()!;
    const payment = paying
      ? await payAsCustomer(world, token, invoiceId!, state === 'saved-card', stripeWorld)
      : undefined;
    return { apiBase, token, link: link.id, payment };
  }

  const staffOf = (link: string, method: string, path: string, body?: unknown) => {
    const owner = keys.get(link)!;
    return staffIn(owner.world, owner.apiKey, method, path, body);
  };

  return {
    apiBase: sandbox.apiBase,
    create,
    staff: staffOf,
    async linkEvents(link) {
      const events = await staffOf(link, 'GET', `/v1/payment_links/${link}/events`);
      return (events.data as { type: string }[]).map((event) => event.type);
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

/** What the Web Payments SDK's stand-in asks of the Square stand-in behind the fixture server. */
export type SquareJsCall =
  | { op: 'tokenize'; card: string }
  | { op: 'verify'; source: string }
  | { op: 'wallet'; card: string; wallet: 'APPLE_PAY' | 'GOOGLE_PAY' }
  | { op: 'bank'; account: 'ok' | 'fails' }
  | { op: 'creates' };

/** A token no link has: the dead-link state. */
export function deadToken(): string {
  return randomBytes(24).toString('base64url');
}
