/**
 * Nothing of one business is reachable with another's key, and nothing of one customer with
 * another customer's link. The routes are read from the app itself, so a route added later
 * without a case here fails this suite instead of going untested.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import {
  createEstimate,
  createInvoice,
  createPaymentLink,
  poolBusiness,
} from '../support/fixtures.ts';
import {
  answer,
  type Harness,
  type StaffClient,
  UNLIMITED,
  useHarness,
} from '../support/harness.ts';
import { newKey, openPortal, VISA } from '../support/portal-client.ts';
import { owingCustomer } from '../support/scenarios.ts';

/** A valid body for each route that takes one, so a refusal can only come from the id check. */
const BODIES: Record<string, unknown> = {
  'PATCH /v1/customers/:id': { name: 'Taken over' },
  'PATCH /v1/webhook_endpoints/:id': { url: 'https://intruder.example.com/hooks' },
  'POST /v1/customers/:id/charges': { amount: 100, description: 'Intruder' },
  'POST /v1/customers/:id/credits': { amount: 100, description: 'Intruder' },
  'POST /v1/customers/:id/sms_consents': { phone: '+15555550100', source: 'intruder form' },
  'POST /v1/payment_links/:id/events': { type: 'copied' },
  'POST /v1/payment_links/:id/send': { channel: 'email', to: 'intruder@example.com' },
  'POST /v1/payments/:id/refunds': { amount: 100 },
  'POST /v1/portal/:token/estimates/:id/approve': {
    signature: { type: 'typed', name: 'Intruder' },
  },
  'POST /v1/portal/:token/estimates/:id/decline': { reason: 'Intruder' },
  'POST /v1/portal/:token/estimates/:id/questions': { message: 'Intruder' },
  'POST /v1/portal/:token/invoices/:id/questions': { message: 'Intruder' },
  'POST /v1/portal/:token/payments/:id/confirm': { sandbox: VISA },
  'POST /v1/portal/:token/payments/:id/payment_method': { payment_method: 'pm_intruder' },
};

function routesWithIds(h: Harness, portalRoutes: boolean) {
  const seen = new Set<string>();
  return h.app.routes
    .filter((route) => route.method !== 'ALL' && /\/:(id|file)\b/.test(route.path))
    .filter((route) => route.path.startsWith('/v1/portal/') === portalRoutes)
    .filter((route) => route.path.startsWith('/v1/'))
    .filter((route) => {
      const key = `${route.method} ${route.path}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** A customer with a paid-in-part invoice, a saved card, an estimate, a link, and an email. */
async function customerWorld(h: Harness, staff: StaffClient, name: string) {
  const email = `${name.toLowerCase()}@example.com`;
  const { customer, invoice, link } = await owingCustomer(staff, 5_000, { name, email });
  const estimate = await createEstimate(staff, customer.id, {
    lines: [{ description: 'Resurfacing', quantity: 1, unit_amount: 90_000, tax_rate: 0 }],
    valid_until: '2099-12-31',
  });
  const { token } = link;
  const paid = await openPortal(h, token).pay({
    invoices: [{ id: invoice.id, amount: 1_000 }],
    method: 'card',
    save_payment_method: true,
  });
  expect(paid.body.status).toBe('succeeded');
  const outbox = (await staff.get('/v1/outbox')).body.data;
  const endpoint = await staff.post('/v1/webhook_endpoints', {
    url: 'https://books.example.com/hooks',
    events: ['*'],
  });
  const [event] = (await staff.get('/v1/events?limit=1')).body.data;
  const savedCard = (await openPortal(h, token).get()).body.saved_payment_methods[0];
  return {
    token,
    ids: {
      customers: customer.id,
      invoices: invoice.id,
      estimates: estimate.id,
      payment_links: link.id,
      payments: paid.body.id as string,
      outbox: outbox[0].id as string,
      payment_methods: savedCard.id as string,
      webhook_endpoints: endpoint.body.id as string,
      events: event.id as string,
    },
  };
}

type World = Awaited<ReturnType<typeof customerWorld>>;

/**
 * Each id's resource is the path segment before it (`/customers/:id/payment_methods/:card` takes
 * the customer's and the saved card's ids); documents are asked for as PDFs.
 */
function fill(path: string, world: World['ids'], token = '') {
  return path
    .replace(':token', token)
    .replace(/\/([a-z_]+)\/:(id|file|card)/g, (_, resource: keyof World['ids']) => {
      const id = world[resource];
      expect(id, `no ${resource} id for ${path}`).toBeDefined();
      return path.includes(':file') ? `/${resource}/${id}.pdf` : `/${resource}/${id}`;
    });
}

async function snapshot(staff: StaffClient, world: World) {
  const { ids } = world;
  return {
    customer: (await staff.get(`/v1/customers/${ids.customers}`)).body,
    balance: (await staff.get(`/v1/customers/${ids.customers}/balance`)).body,
    invoice: (await staff.get(`/v1/invoices/${ids.invoices}`)).body,
    estimate: (await staff.get(`/v1/estimates/${ids.estimates}`)).body,
    events: (await staff.get(`/v1/payment_links/${ids.payment_links}/events?limit=100`)).body,
    payment: (await staff.get(`/v1/payments/${ids.payments}`)).body,
    outbox: (await staff.get('/v1/outbox?limit=100')).body.data.length,
    endpoint: (await staff.get(`/v1/webhook_endpoints/${ids.webhook_endpoints}`)).body,
    deliveries: (await staff.get(`/v1/events/${ids.events}`)).body.deliveries,
  };
}

describe.each(testStores)('isolation on $name', (store) => {
  const h = useHarness(store, UNLIMITED);

  it("no staff route reaches another business's records, and trying changes nothing", async () => {
    const owner = await poolBusiness(h);
    const intruder = await poolBusiness(h);
    const world = await customerWorld(h, owner, 'Dana');
    const before = await snapshot(owner, world);

    const routes = routesWithIds(h, false);
    expect(routes.length).toBeGreaterThanOrEqual(20);
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      const body = BODIES[key] ?? (route.method === 'GET' ? undefined : {});
      const path = fill(route.path, world.ids);
      const call =
        route.method === 'GET'
          ? intruder.get(path)
          : route.method === 'PATCH'
            ? intruder.patch(path, body)
            : route.method === 'DELETE'
              ? intruder.del(path)
              : intruder.post(path, body);
      const refused = await call;
      expect(refused.status, `${key} answered ${JSON.stringify(refused.body)}`).toBe(404);
    }
    for (const list of ['invoices', 'estimates', 'payment_links', 'payments']) {
      const filtered = await intruder.get(`/v1/${list}?customer=${world.ids.customers}`);
      expect(filtered.status, list).toBe(404);
    }
    expect((await intruder.get('/v1/outbox')).body.data).toEqual([]);
    expect(await snapshot(owner, world)).toEqual(before);
  });

  it("no portal route reaches another customer's documents, payments or cards", async () => {
    const staff = await poolBusiness(h);
    const other = await poolBusiness(h);
    const victim = await customerWorld(h, staff, 'Vera');
    const neighbour = await customerWorld(h, staff, 'Ned');
    const stranger = await customerWorld(h, other, 'Sol');
    const before = await snapshot(staff, victim);

    const routes = routesWithIds(h, true);
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const token of [neighbour.token, stranger.token]) {
      for (const route of routes) {
        const key = `${route.method} ${route.path}`;
        const body = BODIES[key] ?? (route.method === 'GET' ? undefined : {});
        const response = await h.request(fill(route.path, victim.ids, token), {
          method: route.method,
          headers: {
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            'idempotency-key': newKey(),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const refused = await answer(response);
        expect(refused.status, `${key} answered ${JSON.stringify(refused.body)}`).toBe(404);
      }
      // Another customer's invoice in a quote or a payment is unknown here, as an unknown id is.
      const choice = { invoices: [{ id: victim.ids.invoices, amount: 1_000 }], method: 'card' };
      const unknown = {
        invoices: [{ id: 'inv_unknown000000000000', amount: 1_000 }],
        method: 'card',
      };
      const browser = openPortal(h, token);
      const quoted = await browser.quote(choice);
      const quotedUnknown = await browser.quote(unknown);
      expect(quoted.status).toBe(422);
      expect(quoted.body).toEqual(quotedUnknown.body);
      const created = await browser.create(choice);
      expect(created.status).toBe(422);
      expect(created.body.error).toMatchObject({
        code: 'unknown_invoice',
        param: 'invoices[0].id',
      });
    }
    expect(await snapshot(staff, victim)).toEqual(before);
  });

  it("an invoice link reaches neither the customer's saved cards nor their removal", async () => {
    const staff = await poolBusiness(h);
    const world = await customerWorld(h, staff, 'Ivy');
    const card = world.ids.payment_methods;
    const other = await createInvoice(staff, world.ids.customers, 2_000);
    const invoiceLink = openPortal(h, await createPaymentLink(staff, { invoice: other.id }));

    expect((await invoiceLink.get()).body.saved_payment_methods).toEqual([]);
    const paying = await invoiceLink.create({
      invoices: [{ id: other.id, amount: 2_000 }],
      method: 'card',
      payment_method: card,
    });
    expect(paying.status).toBe(404);
    expect(paying.body.error).toMatchObject({ code: 'resource_missing', param: 'payment_method' });
    expect((await invoiceLink.removeCard(card)).status).toBe(404);

    const customerLink = openPortal(h, world.token);
    expect(
      (await customerLink.get()).body.saved_payment_methods.map((m: { id: string }) => m.id),
    ).toEqual([card]);
  });
});
