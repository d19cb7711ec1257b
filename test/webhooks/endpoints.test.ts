/** `/v1/webhook_endpoints`: register, read, change, roll and delete, with the secret shown once. */
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { useHarness } from '../support/harness.ts';

const URL_OK = 'https://books.example.com/hooks/pay-portal';

describe.each(testStores)('webhook endpoints API on $name', (store) => {
  const h = useHarness(store);

  it('shows the signing secret when made and never again', async () => {
    const staff = await h.business();
    const made = await staff.post('/v1/webhook_endpoints', {
      url: URL_OK,
      events: ['payment.succeeded', 'invoice.paid'],
      description: 'Books',
    });
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({
      object: 'webhook_endpoint',
      url: URL_OK,
      events: ['payment.succeeded', 'invoice.paid'],
      enabled: true,
      description: 'Books',
      disabled_reason: null,
    });
    expect(made.body.id).toMatch(/^we_/);
    expect(made.body.secret).toMatch(/^whsec_/);
    // A secret any Standard Webhooks library accepts.
    expect(() => new Webhook(made.body.secret)).not.toThrow();

    const read = await staff.get(`/v1/webhook_endpoints/${made.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).not.toHaveProperty('secret');
    const list = await staff.get('/v1/webhook_endpoints');
    expect(list.body.data.map((e: { id: string }) => e.id)).toEqual([made.body.id]);
    expect(list.body.data[0]).not.toHaveProperty('secret');
  });

  it('changes what an endpoint wants, disables and deletes it', async () => {
    const staff = await h.business();
    const { id } = (await staff.post('/v1/webhook_endpoints', { url: URL_OK, events: ['*'] })).body;
    const changed = await staff.patch(`/v1/webhook_endpoints/${id}`, {
      events: ['invoice.overdue'],
      enabled: false,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ events: ['invoice.overdue'], enabled: false });
    const deleted = await staff.del(`/v1/webhook_endpoints/${id}`);
    expect(deleted.body).toEqual({ id, object: 'webhook_endpoint', deleted: true });
    expect((await staff.get(`/v1/webhook_endpoints/${id}`)).status).toBe(404);
    expect((await staff.get('/v1/webhook_endpoints')).body.data).toEqual([]);
  });

  it('rolls the secret: a new one shown once, the old one still signing for 24 hours', async () => {
    const staff = await h.business();
    const made = (await staff.post('/v1/webhook_endpoints', { url: URL_OK, events: ['*'] })).body;
    const rolled = await staff.post(`/v1/webhook_endpoints/${made.id}/roll_secret`);
    expect(rolled.status).toBe(200);
    expect(rolled.body.secret).toMatch(/^whsec_/);
    expect(rolled.body.secret).not.toBe(made.secret);
    const overlap = Date.parse(rolled.body.previous_secret_expires_at) - Date.now();
    expect(overlap).toBeGreaterThan(23.9 * 3_600_000);
    expect(overlap).toBeLessThanOrEqual(24 * 3_600_000);
  });

  it('refuses bad input with the error shape, and makes nothing', async () => {
    const staff = await h.business();
    const cases: [unknown, number, string, string][] = [
      [{ url: 'ftp://books.example.com/x', events: ['*'] }, 422, 'url_invalid', 'url'],
      [{ url: 'not a url', events: ['*'] }, 422, 'url_invalid', 'url'],
      [{ url: 'https://user:pw@books.example.com/', events: ['*'] }, 422, 'url_invalid', 'url'],
      [{ url: URL_OK, events: ['payment.exploded'] }, 422, 'event_type_unknown', 'events'],
      [{ url: URL_OK, events: [] }, 400, 'parameter_invalid', 'events'],
      [{ events: ['*'] }, 400, 'parameter_missing', 'url'],
    ];
    for (const [body, status, code, param] of cases) {
      const refused = await staff.post('/v1/webhook_endpoints', body);
      expect(refused.status, JSON.stringify(body)).toBe(status);
      expect(refused.body.error).toMatchObject({ code, param });
    }
    expect((await staff.get('/v1/webhook_endpoints')).body.data).toEqual([]);
  });

  it("keeps each business's endpoints and events its own", async () => {
    const acme = await h.business();
    const other = await h.business({ name: 'Other Pools' });
    const { id } = (await acme.post('/v1/webhook_endpoints', { url: URL_OK, events: ['*'] })).body;
    expect((await other.get(`/v1/webhook_endpoints/${id}`)).status).toBe(404);
    expect((await other.patch(`/v1/webhook_endpoints/${id}`, { enabled: false })).status).toBe(404);
    expect((await other.del(`/v1/webhook_endpoints/${id}`)).status).toBe(404);
    await acme.post('/v1/customers', { name: 'Dana' });
    await acme.post('/v1/customers', { name: 'Eli' });
    expect((await other.get('/v1/events')).body.data).toEqual([]);
  });
});

describe('webhook endpoints in production', () => {
  const h = useHarness(testStores[0]!, { production: true });

  it('must be https', async () => {
    const staff = await h.business();
    const refused = await staff.post('/v1/webhook_endpoints', {
      url: 'http://books.example.com/hooks',
      events: ['*'],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'url_invalid', param: 'url' });
  });
});
