/**
 * `queueText`, the door every text goes through, with the default provider (SMS_PROVIDER=outbox):
 * consent from the portal's "Text me payment reminders" box or from staff, the footer, quiet
 * hours as the caller's `sendAt`, and nothing leaving the server.
 */
import { describe, expect, it } from 'vitest';
import { deliverDueTexts } from '../../server/texts/delivery.ts';
import { outboxSmsProvider } from '../../server/texts/provider.ts';
import { queueText, textSender } from '../../server/texts/queue.ts';
import { nextAllowedTime } from '../../server/texts/quiet-hours.ts';
import { testStores } from '../support/databases.ts';
import { createBusiness, createCustomer } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { openPortal } from '../support/portal-client.ts';
import { billedCustomer } from '../support/scenarios.ts';

describe.each(testStores)('queueText on $name', (store) => {
  const h = useHarness(store);

  it('texts the number the customer ticked "Text me payment reminders" for, footer added', async () => {
    const { staff, customer, invoice, link } = await billedCustomer(h);
    const before = await queueText(h.db, {
      businessId: staff.id,
      customerId: customer.id,
      to: '(555) 555-0199',
      body: 'Invoice due tomorrow',
      kind: 'reminder',
    });
    expect(before).toEqual({ status: 'skipped', reason: 'no_consent', to: '+15555550199' });

    const paid = await openPortal(h, link.token).pay({
      invoices: [{ id: invoice.id, amount: 10_825 }],
      method: 'card',
      sms_consent: { phone: '(555) 555-0199', text: 'Text me payment reminders' },
    });
    expect(paid.body.status).toBe('succeeded');
    const queued = await queueText(h.db, {
      businessId: staff.id,
      customerId: customer.id,
      body: 'Invoice INV-0001 is due tomorrow',
      kind: 'reminder',
      invoiceId: invoice.id,
    });
    expect(queued.status).toBe('queued');
    const consents = (await staff.get(`/v1/customers/${customer.id}/sms_consents`)).body.data;
    expect(consents).toMatchObject([
      { phone: '+15555550199', recorded_by: 'portal', text: 'Text me payment reminders' },
    ]);

    const texts = (await staff.get('/v1/outbox?channel=sms')).body.data;
    expect(texts).toMatchObject([
      {
        object: 'text_message',
        to: '+15555550199',
        kind: 'reminder',
        invoice: invoice.id,
        state: 'pending',
      },
    ]);
    const detail = (await staff.get(`/v1/outbox/${texts[0].id}`)).body;
    expect(detail.body).toBe(
      'Invoice INV-0001 is due tomorrow\nBlue Lagoon Pools. Reply STOP to opt out.',
    );
    // SMS_PROVIDER=outbox: nothing leaves; the text stays pending for staff to read.
    expect(
      await deliverDueTexts(h.db, { provider: outboxSmsProvider, publicUrl: h.config.publicUrl }),
    ).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
    });
    expect((await staff.get(`/v1/outbox/${texts[0].id}`)).body.state).toBe('pending');
  });

  it('skips, with the reason, a customer it cannot text', async () => {
    const staff = await createBusiness(h, { name: 'Acme Pools' });
    const noPhone = await createCustomer(staff, { name: 'No Phone' });
    const withPhone = await createCustomer(staff, { name: 'Phone Only', phone: '+1 555 555 0150' });
    const other = await createBusiness(h, { name: 'Other' });
    const text = (customerId: string, extra = {}) =>
      queueText(h.db, { businessId: staff.id, customerId, body: 'Hi', kind: 'reminder', ...extra });
    expect(await text(noPhone.id)).toEqual({ status: 'skipped', reason: 'no_phone', to: null });
    expect(await text(withPhone.id)).toEqual({
      status: 'skipped',
      reason: 'no_consent',
      to: '+15555550150',
    });
    expect(await text(withPhone.id, { to: '555-0150' })).toMatchObject({ reason: 'invalid_phone' });
    expect(
      await queueText(h.db, {
        businessId: other.id,
        customerId: withPhone.id,
        body: 'Hi',
        kind: 'reminder',
      }),
    ).toMatchObject({ reason: 'customer_not_found' });
    await staff.post(`/v1/customers/${withPhone.id}/sms_consents`, {
      phone: '+15555550150',
      source: 'signed form',
    });
    expect(await text(withPhone.id, { body: 'x'.repeat(1600) })).toMatchObject({
      reason: 'too_long',
    });
    expect((await staff.get('/v1/outbox?channel=sms')).body.data).toEqual([]);
  });

  it('waits for the time the caller gives (quiet hours) and speaks the business language', async () => {
    const staff = await createBusiness(h, { name: 'Piscinas Sol', locale: 'es-MX' });
    const customer = await createCustomer(staff, { name: 'Ana', phone: '+15555550160' });
    await staff.post(`/v1/customers/${customer.id}/sms_consents`, {
      phone: '+15555550160',
      source: 'formulario firmado',
    });
    // 23:30 in Mexico City → 8:00 the next morning there (UTC-6): 14:00 UTC.
    const sendAt = nextAllowedTime(new Date('2099-03-03T05:30:00Z'), 'America/Mexico_City');
    const queued = await queueText(h.db, {
      businessId: staff.id,
      customerId: customer.id,
      body: 'Su factura vence manana',
      kind: 'reminder',
      sendAt,
    });
    expect(queued.status === 'queued' && queued.message.next_attempt_at).toBe(
      '2099-03-03T14:00:00.000Z',
    );
    expect(queued.status === 'queued' && queued.message.text).toBe(
      'Su factura vence manana\nPiscinas Sol. Responda STOP para darse de baja.',
    );
  });

  it('staff consent needs a real number and a source', async () => {
    const staff = await createBusiness(h, { name: 'Acme Pools' });
    const customer = await createCustomer(staff, { name: 'Dana' });
    const noSource = await staff.post(`/v1/customers/${customer.id}/sms_consents`, {
      phone: '+15555550170',
    });
    expect(noSource.status).toBe(400);
    expect(noSource.body.error.param).toBe('source');
    const badPhone = await staff.post(`/v1/customers/${customer.id}/sms_consents`, {
      phone: '555-0170',
      source: 'paper form',
    });
    expect(badPhone.status).toBe(422);
    expect(badPhone.body.error.code).toBe('phone_invalid');
    expect((await staff.get(`/v1/customers/${customer.id}/sms_consents`)).body.data).toEqual([]);
  });

  it("answers the reminders' seam (textSender): the message id when queued, null when skipped", async () => {
    const staff = await createBusiness(h, { name: 'Acme Pools' });
    const customer = await createCustomer(staff, { name: 'Dana', phone: '+15555550180' });
    const message = {
      business_id: staff.id,
      customer_id: customer.id,
      body: 'Hi',
      kind: 'reminder',
    };
    expect(await textSender.queueText(h.db, message)).toBeNull();
    await staff.post(`/v1/customers/${customer.id}/sms_consents`, {
      phone: '+15555550180',
      source: 'signed form',
    });
    const queued = await textSender.queueText(h.db, message);
    expect(queued?.id).toMatch(/^msg_/);
    expect((await staff.get(`/v1/outbox/${queued!.id}`)).body).toMatchObject({
      kind: 'reminder',
      to: '+15555550180',
    });
  });
});
