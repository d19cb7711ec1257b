import { describe, expect, it } from 'vitest';
import { reminderEmail } from '../../server/reminders/reminder-email.ts';

const business = {
  name: 'Piscinas Azul',
  locale: 'es-MX',
  brandColor: '#0a7f3e',
  contact: 'hola@piscinas.example',
};
const invoice = {
  type: 'invoice' as const,
  number: 'INV-0042',
  currency: 'mxn',
  amount: 125_050,
  date: '2026-12-15',
};

describe('what a reminder says', () => {
  it("speaks the customer's language with the link, the amount due and the due date", () => {
    const email = reminderEmail({
      kind: 'invoice',
      business,
      customerName: 'Dana',
      url: 'https://pay.example.test/p/abc',
      document: invoice,
      offsetDays: 3,
    });
    expect(email.subject).toBe('La factura INV-0042 de Piscinas Azul está vencida');
    expect(email.text).toContain('Hola, Dana:');
    expect(email.text).toContain('Importe pendiente: $1,250.50');
    expect(email.text).toContain('Fecha de vencimiento: 15 de diciembre de 2026');
    expect(email.text).toContain('Ver y pagar: https://pay.example.test/p/abc');
    expect(email.html).toContain('lang="es"');
    expect(email.html).toContain('href="https://pay.example.test/p/abc"');
  });

  it('says "due soon", "due today" and "past due" by the offset, in English', () => {
    const subject = (offsetDays: number) =>
      reminderEmail({
        kind: 'invoice',
        business: { ...business, name: 'Acme Pools', locale: 'en-US' },
        customerName: 'Dana',
        url: 'https://pay.example.test/p/abc',
        document: { ...invoice, currency: 'usd' },
        offsetDays,
      }).subject;
    expect([subject(-3), subject(0), subject(7)]).toEqual([
      'Reminder: invoice INV-0042 from Acme Pools is due soon',
      'Invoice INV-0042 from Acme Pools is due today',
      'Invoice INV-0042 from Acme Pools is past due',
    ]);
  });

  it('escapes what the business and customer typed in the HTML part', () => {
    const email = reminderEmail({
      kind: 'not_opened',
      business: { ...business, name: '<b>Acme</b>' },
      customerName: '<img src=x>',
      url: 'https://pay.example.test/p/abc',
      document: null,
    });
    expect(email.html).not.toContain('<img src=x>');
    expect(email.html).toContain('&lt;b&gt;Acme&lt;/b&gt;');
  });
});
