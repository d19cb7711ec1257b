/** The browser tests' and screenshots' fixtures, made through the staff API in fixture-world.ts. */
import { randomBytes } from 'node:crypto';
import { createBusiness } from '../../../server/businesses/businesses.ts';
import type { BusinessSettings } from '../../../server/businesses/settings.ts';
import { payAsCustomer, staffIn, type World } from './fixture-world.ts';
import { XSS } from './payloads.ts';
import {
  type FixtureProvider,
  type PayPalJsCall,
  type SquareJsCall,
  type StripeJsCall,
  startProviderWorlds,
} from './provider-worlds.ts';

export type { SquareJsCall, StripeJsCall } from './provider-worlds.ts';

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
  /** A customer link with 30 open invoices: the portal shows 10 and "Show 20 more invoices". */
  | 'many-invoices';

export interface FixtureRequest {
  state: FixtureState;
  /** The business's locale (the element's own `locale` attribute is separate). */
  locale?: string;
  /**
   * The payment provider: the sandbox (default), Stripe or Square (their stand-ins behind);
   * `paypal`: the sandbox for cards and PayPal beside it (the PayPal stand-in behind).
   */
  provider?: FixtureProvider;
}

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
  paypalJs(call: PayPalJsCall): Promise<unknown>;
  close(): Promise<void>;
}

export async function startFixtureServer(allowOrigins: string[]): Promise<FixtureServer> {
  const worlds = await startProviderWorlds(allowOrigins);
  const keys = new Map<string, { apiKey: string; world: World }>();

  async function create({ state, locale, provider }: FixtureRequest): Promise<Fixture> {
    const world = await worlds.worldFor(provider);
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
      ? await payAsCustomer(world, token, invoiceId!, state === 'saved-card', worlds.stripe)
      : undefined;
    return { apiBase, token, link: link.id, payment };
  }

  const staffOf = (link: string, method: string, path: string, body?: unknown) => {
    const owner = keys.get(link)!;
    return staffIn(owner.world, owner.apiKey, method, path, body);
  };

  return {
    apiBase: worlds.sandbox.apiBase,
    create,
    staff: staffOf,
    async linkEvents(link) {
      const events = await staffOf(link, 'GET', `/v1/payment_links/${link}/events`);
      return (events.data as { type: string }[]).map((event) => event.type);
    },
    stripeJs: worlds.stripeJs,
    squareJs: worlds.squareJs,
    paypalJs: worlds.paypalJs,
    close: worlds.close,
  };
}

/** A token no link has: the dead-link state. */
export function deadToken(): string {
  return randomBytes(24).toString('base64url');
}
