/**
 * "In the customer's language" (issue 12): staff give a customer a language (`locale`, en or es);
 * an English business's Spanish customer gets reminders, texts and link emails in Spanish, money
 * and dates still written the business's region's way; a customer without one gets the business's.
 */
import { describe, expect, it } from 'vitest';
import { addDays, zonedTime } from '../../server/businesses/time-zone.ts';
import { runReminderPass } from '../../server/reminders/scheduler.ts';
import { textSender } from '../../server/texts/queue.ts';
import { testStores } from '../support/databases.ts';
import { createCustomer, createInvoice, createPaymentLink, made } from '../support/fixtures.ts';
import { useHarness } from '../support/harness.ts';
import { nextWholeHour } from './support.ts';

describe.each(testStores)("reminders in the customer's language on $name", (store) => {
  const h = useHarness(store);
  const pass = (now: Date) =>
    runReminderPass(h.db, {
      publicUrl: h.config.publicUrl,
      appSecret: h.config.appSecret,
      now,
      texts: textSender,
    });

  it('staff set, change and clear a customer language, and nothing else is taken', async () => {
    const staff = await h.business({ name: 'Acme Pools' });
    const made1 = await staff.post('/v1/customers', { name: 'Rosa Ruiz', locale: 'es' });
    expect(made1.status).toBe(200);
    expect(made1.body.locale).toBe('es');
    const plain = await createCustomer(staff, { name: 'Dana Diaz' });
    expect((await staff.get(`/v1/customers/${plain.id}`)).body.locale).toBeNull();

    const refused = await staff.patch(`/v1/customers/${made1.body.id}`, { locale: 'fr' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ type: 'invalid_request_error', param: 'locale' });
    expect((await staff.get(`/v1/customers/${made1.body.id}`)).body.locale).toBe('es');

    const cleared = await staff.patch(`/v1/customers/${made1.body.id}`, { locale: null });
    expect(cleared.body.locale).toBeNull();
    const english = await staff.patch(`/v1/customers/${made1.body.id}`, { locale: 'en' });
    expect(english.body.locale).toBe('en');
  });

  it('reminds a Spanish customer of an English business in Spanish, by email and by text', async () => {
    const staff = await h.business({ name: 'Acme Pools' });
    made('settings', await staff.patch('/v1/settings', { reminders: { channel: 'both' } }));
    const rosa = await createCustomer(staff, {
      name: 'Rosa Ruiz',
      email: 'rosa@example.com',
      locale: 'es',
    });
    const dana = await createCustomer(staff, { name: 'Dana Diaz', email: 'dana@example.com' });
    expect(
      (
        await staff.post(`/v1/customers/${rosa.id}/sms_consents`, {
          phone: '+1 555 010 4400',
          source: 'Signed at the counter',
        })
      ).status,
    ).toBe(201);
    const today = nextWholeHour().toISOString().slice(0, 10);
    const dueDate = addDays(today, 4);
    for (const customer of [rosa, dana]) {
      const invoice = await createInvoice(staff, customer.id, {
        unit_amount: 18_000,
        due_date: dueDate,
      });
      await createPaymentLink(staff, { invoice: invoice.id });
    }

    expect((await pass(zonedTime(addDays(dueDate, -3), 9, 'UTC'))).sent).toBe(2);
    const messages = await h.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('business_id', '=', staff.id)
      .where('kind', '=', 'reminder')
      .execute();
    const to = (address: string) => messages.find((m) => m.to === address)!;

    const email = to('rosa@example.com');
    expect(email.subject).toMatch(/^Recordatorio: la factura .* de Acme Pools vence pronto$/);
    expect(email.text).toContain('Hola, Rosa Ruiz:');
    expect(email.text).toContain('Importe pendiente: $180.00');
    const [year, month, day] = dueDate.split('-').map(Number) as [number, number, number];
    const spanishDay = new Intl.DateTimeFormat('es-US', {
      dateStyle: 'long',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(year, month - 1, day)));
    expect(email.text).toContain(spanishDay);
    expect(email.html).toContain('lang="es"');

    const text = to('+15550104400');
    expect(text.channel).toBe('sms');
    expect(text.text).toContain('Importe pendiente: $180.00');
    expect(text.text).toContain('Responda STOP para darse de baja.');
    expect(text.text).not.toContain('Reply STOP');

    // The business's own language for the customer who was given none.
    const english = to('dana@example.com');
    expect(english.subject).toMatch(/^Reminder: invoice .* from Acme Pools is due soon$/);
    expect(english.text).toContain('Amount due: $180.00');
  });

  it('sends the link and opens the portal in the customer language', async () => {
    const staff = await h.business({ name: 'Acme Pools' });
    const rosa = await createCustomer(staff, {
      name: 'Rosa Ruiz',
      email: 'rosa@example.com',
      locale: 'es',
    });
    const invoice = await createInvoice(staff, rosa.id, { unit_amount: 5_000 });
    const link = await createPaymentLink(staff, { invoice: invoice.id });
    const sent = await staff.post(`/v1/payment_links/${link.id}/send`, { channel: 'email' });
    expect(sent.status).toBe(200);
    const email = await h.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('id', '=', sent.body.detail.message)
      .executeTakeFirstOrThrow();
    expect(email.text).toContain('Hola, Rosa Ruiz:');
    expect(email.html).toContain('Ver factura');
    expect(email.subject).not.toMatch(/invoice/i);

    const portal = await h.request(`/v1/portal/${link.token}`);
    const view = (await portal.json()) as { locale: string; customer: { locale: string | null } };
    expect(view.customer.locale).toBe('es');
    expect(view.locale).toBe('es-US');
  });
});
