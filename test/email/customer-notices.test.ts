/**
 * The notifications a customer expects, as received by a real SMTP server: the invoice sent
 * ("View invoice"), the receipt, and the refund issued; each in the business's language and
 * colours, with a plain-text part.
 */
import { describe, expect, it } from 'vitest';
import { testStores } from '../support/databases.ts';
import { createCustomer, createInvoice, createPaymentLink, made } from '../support/fixtures.ts';
import { UNLIMITED, useHarness } from '../support/harness.ts';
import { openPortal } from '../support/portal-client.ts';
import { useMailbox } from '../support/smtp.ts';

describe.each(testStores)('customer notifications on $name', (store) => {
  const h = useHarness(store, UNLIMITED);
  const mailbox = useMailbox(h);

  for (const [locale, words] of [
    [
      'en-US',
      {
        view: 'View invoice',
        refund: 'Your refund from Acme Pools: $40.00',
        refunded: 'has refunded $40.00',
      },
    ],
    [
      'es-US',
      {
        view: 'Ver factura',
        refund: 'Su reembolso de Acme Pools: $40.00',
        refunded: 'le ha reembolsado $40.00',
      },
    ],
  ] as const) {
    it(`sends the invoice, the receipt and the refund in ${locale}`, async () => {
      const staff = await h.business({ name: 'Acme Pools', locale });
      made('settings', await staff.patch('/v1/settings', { branding: { brand_color: '#0a7f3e' } }));
      const customer = await createCustomer(staff, { email: 'dana@example.com' });
      const invoice = await createInvoice(staff, customer.id, { unit_amount: 10_000 });
      const link = await createPaymentLink(staff, { invoice: invoice.id });
      made('send', await staff.post(`/v1/payment_links/${link.id}/send`, {}));
      const [sent] = await mailbox.deliver();
      expect(sent!.html).toContain(`>${words.view}</a>`);
      expect(sent!.html).toContain('background:#0a7f3e');
      expect(sent!.text).toContain(link.url);

      const paid = await openPortal(h, link.token).pay({
        invoices: [{ id: invoice.id, amount: 10_000 }],
        method: 'card',
      });
      expect(paid.status).toBe(200);
      const [receipt] = await mailbox.deliver();
      expect(receipt!.attachments[0]?.contentType).toBe('application/pdf');

      const refund = await staff.post(`/v1/payments/${paid.body.id}/refunds`, { amount: 4_000 });
      expect(refund.status).toBe(200);
      const [refunded] = await mailbox.deliver();
      expect(refunded!.subject).toBe(words.refund);
      expect(JSON.stringify(refunded!.to)).toContain('dana@example.com');
      expect(refunded!.text).toContain(words.refunded);
      expect(refunded!.html).toContain('background:#0a7f3e');
    });
  }
});
