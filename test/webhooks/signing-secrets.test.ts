/**
 * Signing secrets at rest (issue 14): kept sealed under APP_SECRET, never in clear, yet every
 * delivery is signed with the secret staff were shown. Rows written in clear before sealing still
 * sign and are sealed at start; a secret that no longer opens (APP_SECRET changed) sends nothing
 * unsigned, and a roll mends it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollEndpointSecret } from '../../server/events/endpoints.ts';
import { openSigningSecret, sealClearSigningSecrets } from '../../server/events/signing-secrets.ts';
import { testStores } from '../support/databases.ts';
import { createCustomer, createInvoice, poolService } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { type Receiver, startReceiver } from '../support/webhook-receiver.ts';
import { deliverAll, LOCAL, LOCAL_CONFIG, listenWith, TEST_APP_SECRET } from './support.ts';

describe.each(testStores)('webhook signing secrets at rest on $name', (store) => {
  const h = useHarness(store, LOCAL_CONFIG);
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());

  const stored = (id: string) =>
    h.db
      .selectFrom('webhook_endpoints')
      .select(['secret', 'previous_secret'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  const invoiceFor = async (staff: Awaited<ReturnType<typeof h.business>>) => {
    const dana = await createCustomer(staff);
    return createInvoice(staff, dana.id, { lines: [poolService] });
  };

  it('keeps the secret sealed, and signs with the one staff were shown', async () => {
    const staff = await h.business();
    const endpoint = await listenWith(staff, receiver, ['invoice.created']);
    const row = await stored(endpoint.id);
    expect(row.secret).toMatch(/^v1\./);
    expect(row.secret).not.toContain(endpoint.secret.slice(6, 20));
    expect(openSigningSecret(row.secret, endpoint.id, TEST_APP_SECRET)).toBe(endpoint.secret);
    // Bound to its endpoint, and to this APP_SECRET.
    expect(openSigningSecret(row.secret, 'we_other', TEST_APP_SECRET)).toBeNull();
    expect(openSigningSecret(row.secret, endpoint.id, 'another-app-secret')).toBeNull();

    const invoice = await invoiceFor(staff);
    await deliverAll(h.db);
    expect(receiver.events().filter((e) => e.data.object.id === invoice.id)).toHaveLength(1);

    const rolled = await staff.post(`/v1/webhook_endpoints/${endpoint.id}/roll_secret`);
    expect(rolled.status).toBe(200);
    const after = await stored(endpoint.id);
    expect(after.secret).toMatch(/^v1\./);
    expect(after.previous_secret).toBe(row.secret);
    expect(openSigningSecret(after.secret, endpoint.id, TEST_APP_SECRET)).toBe(rolled.body.secret);
  });

  it('signs with a secret kept in clear before sealing, and seals it at start', async () => {
    const staff = await h.business();
    const endpoint = await listenWith(staff, receiver, ['invoice.created']);
    // As an installation from before sealing has it.
    await h.db
      .updateTable('webhook_endpoints')
      .set({ secret: endpoint.secret })
      .where('id', '=', endpoint.id)
      .execute();
    const first = await invoiceFor(staff);
    await deliverAll(h.db);
    expect(receiver.events().filter((e) => e.data.object.id === first.id)).toHaveLength(1);

    expect(await sealClearSigningSecrets(h.db, TEST_APP_SECRET)).toBeGreaterThanOrEqual(1);
    const row = await stored(endpoint.id);
    expect(row.secret).toMatch(/^v1\./);
    expect(openSigningSecret(row.secret, endpoint.id, TEST_APP_SECRET)).toBe(endpoint.secret);
    expect(await sealClearSigningSecrets(h.db, TEST_APP_SECRET)).toBe(0);

    const second = await invoiceFor(staff);
    await deliverAll(h.db);
    expect(receiver.events().filter((e) => e.data.object.id === second.id)).toHaveLength(1);
  });

  it('sends nothing unsigned when APP_SECRET changed; a roll mends it', async () => {
    const staff = await h.business();
    const endpoint = await listenWith(staff, receiver, ['invoice.created']);
    const invoice = await invoiceFor(staff);
    const before = receiver.received.length;
    const result = await deliverAll(h.db, undefined, LOCAL, 'a-new-app-secret');
    expect(result.delivered).toBe(0);
    expect(receiver.received.length).toBe(before);
    const events = (await staff.get('/v1/events?type=invoice.created')).body.data as {
      id: string;
      data: { object: { id: string } };
    }[];
    const event = events.find((e) => e.data.object.id === invoice.id)!;
    const detail = (await staff.get(`/v1/events/${event.id}`)).body;
    expect(JSON.stringify(detail)).toContain('signing secret unreadable');

    // The server now runs under the new APP_SECRET: staff roll the secret, and it signs again
    // (the old one, sealed under the old APP_SECRET, is left out rather than sent wrong).
    const rolled = await rollEndpointSecret(h.db, staff.id, endpoint.id, 'a-new-app-secret');
    receiver.secret = rolled.secret;
    await deliverAll(h.db, new Date(Date.now() + 3_600_000), LOCAL, 'a-new-app-secret');
    expect(receiver.events().filter((e) => e.data.object.id === invoice.id)).toHaveLength(1);
  });
});
