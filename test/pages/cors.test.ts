import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { linkEvents } from '../support/fixtures.ts';
import { answer, UNLIMITED, useHarness } from '../support/harness.ts';
import { billedCustomer } from '../support/scenarios.ts';

const SHOP = 'https://bluelagoon.example';
const ELSEWHERE = 'https://evil.example';

describe.each(testStores)('portal API CORS on $name', (store) => {
  const h = useHarness(store, UNLIMITED);
  const shop = () => billedCustomer(h, { allowed_origins: [SHOP] });
  const preflight = (token: string, origin: string, method = 'POST', path = '/quote') =>
    h.request(`/v1/portal/${token}${path}`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': method,
        'access-control-request-headers': 'content-type, idempotency-key',
      },
    });

  it("lets the business's allowed origins read the portal", async () => {
    const { link } = await shop();
    const response = await h.request(`/v1/portal/${link.token}`, { headers: { origin: SHOP } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(response.headers.get('vary')).toContain('Origin');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect((await response.json()).customer.name).toBe('Dana Diaz');
  });

  it('answers an allowed preflight with 204, the methods and Idempotency-Key', async () => {
    const { link } = await shop();
    const response = await preflight(link.token, SHOP);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(SHOP);
    const methods = response.headers.get('access-control-allow-methods')!.split(/,\s*/);
    expect(methods).toEqual(expect.arrayContaining(['GET', 'POST', 'DELETE']));
    const headers = response.headers.get('access-control-allow-headers')!.toLowerCase();
    expect(headers.split(/,\s*/)).toEqual(
      expect.arrayContaining(['content-type', 'idempotency-key']),
    );
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
  });

  it('lets a preflight from any other origin through, so its call is refused readably', async () => {
    const { staff, link, invoice } = await shop();
    const response = await preflight(link.token, ELSEWHERE);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ELSEWHERE);
    expect(response.headers.get('access-control-max-age')).toBe('0');
    // The call the preflight was for: refused before any handler, and readable there (issue 11).
    const quote = await h.request(`/v1/portal/${link.token}/quote`, {
      method: 'POST',
      headers: { origin: ELSEWHERE, 'content-type': 'application/json' },
      body: JSON.stringify({ invoices: [{ id: invoice.id, amount: 100 }], method: 'card' }),
    });
    expect(quote.status).toBe(403);
    expect(quote.headers.get('access-control-allow-origin')).toBe(ELSEWHERE);
    expect(await quote.json()).toEqual({
      error: {
        type: 'permission_error',
        code: 'origin_not_allowed',
        message: "This website is not one of the business's allowed origins.",
        param: null,
      },
    });
    const paid = await h.request(`/v1/portal/${link.token}/payments`, {
      method: 'POST',
      headers: { origin: ELSEWHERE, 'content-type': 'application/json', 'idempotency-key': 'k1' },
      body: JSON.stringify({ invoices: [{ id: invoice.id, amount: 100 }], method: 'card' }),
    });
    expect(paid.status).toBe(403);
    expect((await staff.get('/v1/payments')).body.data).toEqual([]);
    expect((await staff.get(`/v1/invoices/${invoice.id}`)).body.status).toBe('open');
  });

  it('refuses requests from other origins before they change anything', async () => {
    const { staff, link, invoice } = await shop();
    const read = await h.request(`/v1/portal/${link.token}`, { headers: { origin: ELSEWHERE } });
    expect(read.status).toBe(403);
    // The refusal, and only the refusal, is readable there: the element says what is wrong.
    expect(read.headers.get('access-control-allow-origin')).toBe(ELSEWHERE);
    expect((await read.json()).error.code).toBe('origin_not_allowed');
    // A simple POST needs no preflight: it must be refused on its own.
    const view = await h.request(`/v1/portal/${link.token}/views`, {
      method: 'POST',
      headers: { origin: ELSEWHERE },
    });
    expect(view.status).toBe(403);
    expect(await linkEvents(staff, link.id)).toEqual(['created']);
    expect((await staff.get(`/v1/invoices/${invoice.id}`)).body.status).toBe('open');
  });

  it("does not open one business's links to another business's origins", async () => {
    await billedCustomer(h, { allowed_origins: [ELSEWHERE] });
    const { link } = await shop();
    const read = (token: string, origin: string) =>
      h.request(`/v1/portal/${token}`, { headers: { origin } });
    expect((await read(link.token, ELSEWHERE)).status).toBe(403);
    const { link: unlisted } = await billedCustomer(h);
    expect((await read(unlisted.token, SHOP)).status).toBe(403);
  });

  it('serves the hosted page and same-origin callers without CORS', async () => {
    const { link } = await shop();
    const sameOrigin = await h.request(`/v1/portal/${link.token}/views`, {
      method: 'POST',
      headers: { origin: 'https://pay.example.test' },
    });
    expect(sameOrigin.status).toBe(204);
    const byHost = await h.request(`http://pay.internal:8787/v1/portal/${link.token}`, {
      headers: { origin: 'http://pay.internal:8787', host: 'pay.internal:8787' },
    });
    expect(byHost.status).toBe(200);
    const noOrigin = await h.request(`/v1/portal/${link.token}`);
    expect(noOrigin.status).toBe(200);
    expect(noOrigin.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers dead links alike to every origin: the public 404, readable', async () => {
    const { staff, link } = await shop();
    await staff.post(`/v1/payment_links/${link.id}/revoke`);
    const answers = [];
    for (const token of [link.token, 'never-issued-token']) {
      for (const origin of [SHOP, ELSEWHERE]) {
        const response = await h.request(`/v1/portal/${token}`, { headers: { origin } });
        expect(response.headers.get('access-control-allow-origin')).toBe(origin);
        answers.push(await answer(response));
        expect((await preflight(token, origin)).status).toBe(204);
      }
    }
    for (const dead of answers) {
      expect(dead.status).toBe(404);
      expect(dead.body).toEqual(answers[0]!.body);
    }
    expect(answers[0]!.body.error.code).toBe('link_invalid');
  });
});

describe.each(testStores)('portal API CORS under rate limits on $name', (store) => {
  const h = useHarness(store, {
    rateLimit: { portalPerMinute: 2, misses: 100_000, missWindowSeconds: 600 },
  });

  it('lets an allowed origin read a 429 and its Retry-After', async () => {
    const { link } = await billedCustomer(h, { allowed_origins: [SHOP] });
    const address = '192.0.2.99';
    let last: Response | undefined;
    for (let i = 0; i < 3; i++) {
      last = await h.request(`/v1/portal/${link.token}`, { headers: { origin: SHOP } }, address);
    }
    expect(last!.status).toBe(429);
    expect(last!.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(last!.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });
});
