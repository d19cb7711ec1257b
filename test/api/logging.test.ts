import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createLogger, logRequest, redactPath } from '../../server/http/logger.ts';
import { testStores } from '../support/databases.ts';
import { createCustomer, createPaymentLink, tokenOf } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { staffClient } from '../support/staff-client.ts';

/** A pino destination that keeps every line written to it. */
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { stream, lines };
}

describe('redactPath', () => {
  it('hides the token segment of portal and page paths, and nothing else', () => {
    expect(redactPath('/v1/portal/abc-DEF_123/charges')).toBe('/v1/portal/[token]/charges');
    expect(redactPath('/v1/portal/abc')).toBe('/v1/portal/[token]');
    expect(redactPath('/p/abc-DEF_123')).toBe('/p/[token]');
    expect(redactPath('/preview/v1/portal/abc/views')).toBe('/preview/v1/portal/[token]/views');
    expect(redactPath('/v1/payment_links/lnk_1/regenerate')).toBe(
      '/v1/payment_links/lnk_1/regenerate',
    );
    expect(redactPath('/v1/payments/pay_0123456789ABCDEFGHij/refunds')).toBe(
      '/v1/payments/pay_0123456789ABCDEFGHij/refunds',
    );
    expect(redactPath('/v1/portal/abc-DEF_123/invoices/inv_0123456789ABCDEFGHij.pdf')).toBe(
      '/v1/portal/[token]/invoices/inv_0123456789ABCDEFGHij.pdf',
    );
  });

  it('hides a token by its shape where a mistyped path puts it (issue 10)', () => {
    const token = 'Xk3_vQ9-aZ0bC1dE2fG3hI4jK5lM6nO7pQ8rS9tU0vW';
    for (const path of [
      `//v1/portal/${token}`,
      `/v1/portal//${token}`,
      `/V1/portal/${token}`,
      `/v1/Portal/${token}/charges`,
      `/p//${token}`,
      `/P/${token}`,
      `/v1/portal/${token}/receipts/${token}.pdf`,
      `/v1/portal/${token}/receipts/${token}.PDF`,
    ]) {
      expect(redactPath(path)).not.toContain(token);
      expect(redactPath(path)).toContain('[token]');
    }
  });
});

describe('a request line', () => {
  const request = { method: 'GET', path: '/v1/portal/[token]/"odd"\\path', status: 200, ms: 3 };

  it('is the line pino itself would write, bindings and all', () => {
    const { stream, lines } = capture();
    const root = createLogger('info', stream);
    for (const logger of [root, root.child({ worker: 'web', n: 2 })]) {
      logRequest(logger, request);
      logger.info(request, 'request');
    }
    expect(lines).toHaveLength(4);
    const [ours, pinos, ourChild, pinoChild] = lines.map((line) => {
      const { time, ...rest } = JSON.parse(line);
      expect(typeof time).toBe('number');
      return rest;
    });
    expect(ours).toEqual(pinos);
    expect(ourChild).toEqual(pinoChild);
    expect(ourChild).toMatchObject({ level: 30, worker: 'web', n: 2, msg: 'request', ...request });
    expect(Object.keys(ours)).toEqual(Object.keys(pinos));
  });

  it('is not written below the configured level', () => {
    const { stream, lines } = capture();
    logRequest(createLogger('warn', stream), request);
    expect(lines).toEqual([]);
  });
});

describe.each(testStores)('request logs on $name', (store) => {
  const h = useHarness(store);

  it('never contain a link token, whatever the portal route or answer', async () => {
    const { stream, lines } = capture();
    const app = createApp({ db: h.db, config: h.config, logger: createLogger('info', stream) });
    const send = async (path: string, init: RequestInit = {}) =>
      app.request(path, init, { incoming: { socket: { remoteAddress: '192.0.2.10' } } });
    // Staff of a business, calling the app whose log is read.
    const staff = staffClient(await h.business(), send);

    const customer = await createCustomer(staff);
    const link = await createPaymentLink(staff, { customer: customer.id });
    const { token } = link;
    await staff.get(`/v1/payment_links/${link.id}`);
    const { body: regenerated } = await staff.post(`/v1/payment_links/${link.id}/regenerate`);
    const fresh = tokenOf(regenerated.url);
    expect(fresh).not.toBe(token);

    const portalCalls: [string, RequestInit?][] = [
      [`/v1/portal/${fresh}`],
      [`/v1/portal/${fresh}/views`, { method: 'POST' }],
      [`/v1/portal/${fresh}/charges?limit=5`],
      [
        `/v1/portal/${fresh}/quote`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ invoices: [], balance_amount: 0 }),
        },
      ],
      [`/v1/portal/${fresh}/charges?limit=0`],
      [`/v1/portal/${fresh}/invoices/inv_1.pdf`],
      [`/v1/portal/${token}`],
      [`/p/${fresh}`],
      [`/p/${token}?utm_source=email`],
      [`/preview/v1/portal/${fresh}/views`, { method: 'POST' }],
    ];
    const statuses: number[] = [];
    for (const [path, init] of portalCalls) {
      // Status only: the hosted page (/p/…) answers HTML.
      const response = await app.request(path, init, {
        incoming: { socket: { remoteAddress: '192.0.2.10' } },
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([200, 204, 200, 422, 400, 404, 404, 200, 404, 204]);

    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThanOrEqual(portalCalls.length + 4);
    expect(log).toContain('"path":"/v1/portal/[token]/charges"');
    expect(log).toContain('"path":"/p/[token]"');
    expect(log).toContain('"path":"/preview/v1/portal/[token]/views"');
    expect(log).not.toContain(token);
    expect(log).not.toContain(fresh);
    expect(log).not.toContain(staff.apiKey);
  });
});
