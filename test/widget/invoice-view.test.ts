/**
 * The invoice as the customer opens it (issue 11), in Chromium against the real server: an
 * invoice link heads the page with the invoice as a document (the business and the customer,
 * the dates, every line, tax by rate, the amount due, notes and terms), "Overdue" with its days,
 * Download PDF, Print (print media shows the invoice alone: no payment form, no buttons), Ask a
 * question; a customer link opens an invoice with "View invoice"; a paid invoice link speaks for
 * its invoice. Axe clean at 375 and 1280 px.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { PayPortal } from '../../widget/index.ts';
import {
  $,
  $$,
  axeViolations,
  click,
  control,
  mount,
  portalFixture,
  staff,
  textOf,
  until,
  useWidth,
  WIDTHS,
} from './support/portal.ts';

/** The fixtures' first invoice is due 2026-11-30: its days overdue, counted as the server does. */
function daysSince(day: string): number {
  const today = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  return Math.round((today - Date.parse(`${day}T00:00:00Z`)) / 86_400_000);
}
const OVERDUE = daysSince('2026-11-30');

/** The invoice view inside the element, once it has read its invoice. */
async function invoiceView(element: PayPortal): Promise<ShadowRoot> {
  await until(() => {
    const view = element.shadowRoot!.querySelector('pay-portal-invoice');
    return Boolean(view?.shadowRoot?.querySelector('[part="lines"]'));
  }, 'the invoice view');
  return element.shadowRoot!.querySelector('pay-portal-invoice')!.shadowRoot!;
}

/** An invoice link whose customer has a billing address and whose business has terms. */
async function invoiceLink() {
  const fixture = await portalFixture('invoice');
  const link = (await staff(fixture.link, 'GET', `/v1/payment_links/${fixture.link}`)) as {
    customer: string;
  };
  await staff(fixture.link, 'PATCH', `/v1/customers/${link.customer}`, {
    address: { line1: '48 Coral Lane', city: 'Tampa', state: 'FL', postal_code: '33606' },
  });
  await staff(fixture.link, 'PATCH', '/v1/settings', {
    invoice_terms: 'Due within 15 days. Checks payable to Blue Lagoon Pools.',
  });
  return fixture;
}

const shown = (node: Element | null) => Boolean(node) && getComputedStyle(node!).display !== 'none';

for (const width of WIDTHS) {
  describe(`the invoice view at ${width}px`, () => {
    let element: PayPortal | undefined;
    before(() => useWidth(width));
    afterEach(async () => {
      element?.remove();
      await emulateMedia({ media: 'screen' });
    });

    it('an invoice link shows the invoice as a document, overdue in days, axe clean', async () => {
      element = await mount(await invoiceLink(), { locale: 'en-US' });
      const view = await invoiceView(element);
      expect(textOf(view.querySelector('#invoice-title'))).to.equal('Invoice INV-0001');
      expect(textOf(view.querySelector('.badge'))).to.equal(`Overdue · ${OVERDUE} days`);
      expect(textOf(view.querySelector('.dates'))).to.equal(
        `Issued ${textOf(view.querySelector('.dates dd'))} Due Nov 30, 2026`,
      );
      expect(textOf(view.querySelector('[part="from"]'))).to.equal(
        'From Blue Lagoon Pools 12 Harbor Way, Tampa, FL 33602 +1 813 555 0142 billing@bluelagoon.example',
      );
      expect(textOf(view.querySelector('[part="bill-to"]'))).to.equal(
        'Bill to Dana Diaz 48 Coral Lane Tampa, FL 33606 dana@example.com',
      );
      const line = view.querySelector('[part="lines"] tbody tr')!;
      const cells = [...line.querySelectorAll('td')].filter(shown).map(textOf);
      expect(cells).to.deep.equal(
        width < 480
          ? ['Weekly pool cleaning (November) 1 × $75.00', '$75.00']
          : ['Weekly pool cleaning (November)', '1', '$75.00', '$75.00'],
      );
      expect(textOf(view.querySelector('[part="totals"]'))).to.equal(
        'Subtotal $75.00 Tax 8.25% on $75.00 $6.19 Total $81.19 Amount due $81.19',
      );
      expect(textOf(view.querySelector('[part="notes"]'))).to.equal(
        'Notes Thank you for your business.',
      );
      expect(textOf(view.querySelector('[part="terms"]'))).to.equal(
        'Terms Due within 15 days. Checks payable to Blue Lagoon Pools.',
      );
      const pdf = view.querySelector<HTMLAnchorElement>(
        'a[aria-label="Download PDF of invoice INV-0001"]',
      )!;
      expect(textOf(pdf)).to.equal('Download PDF');
      expect(pdf.href).to.match(/\/invoices\/inv_\w+\.pdf$/);
      expect((await fetch(pdf.href)).headers.get('content-type')).to.equal('application/pdf');
      // The picker marks it overdue too, and the payment follows the document.
      expect(textOf($(element, '[part="invoices"] .overdue'))).to.equal(
        `Overdue · ${OVERDUE} days`,
      );
      expect(await axeViolations(element)).to.deep.equal([]);
    });

    it('shows a discount between the subtotal and the tax, and asks for the discounted total', async () => {
      const fixture = await invoiceLink();
      const link = (await staff(fixture.link, 'GET', `/v1/payment_links/${fixture.link}`)) as {
        customer: string;
      };
      const invoice = (await staff(fixture.link, 'POST', '/v1/invoices', {
        customer: link.customer,
        lines: [
          { description: 'Pump repair', quantity: 1, unit_amount: 20_000, tax_rate: 825 },
          { description: 'Labour', quantity: 2, unit_amount: 5_000 },
        ],
        discount: { type: 'percent', rate: 1_000, description: 'Spring offer' },
      })) as { id: string };
      const discounted = (await staff(fixture.link, 'POST', '/v1/payment_links', {
        invoice: invoice.id,
      })) as { url: string };
      element = await mount(
        { apiBase: fixture.apiBase, token: discounted.url.split('/').pop()! },
        { locale: 'en-US' },
      );
      const view = await invoiceView(element);
      // 300.00 − 30.00; 8.25 % on the pump's 180.00 left after its share (20.00) is 14.85.
      expect(textOf(view.querySelector('[part="totals"]'))).to.equal(
        'Subtotal $300.00 Discount (Spring offer, 10%) -$30.00 Tax 8.25% on $180.00 $14.85 ' +
          'Total $284.85 Amount due $284.85',
      );
      expect(await axeViolations(element)).to.deep.equal([]);
    });

    it('prints the invoice as a document: no payment form, no buttons', async () => {
      element = await mount(await invoiceLink(), { locale: 'en-US' });
      const view = await invoiceView(element);
      expect(shown($(element, '[part="payment"]'))).to.equal(true);
      await emulateMedia({ media: 'print' });
      expect(shown($(element, '[part="header"]'))).to.equal(true);
      expect(shown($(element, '[part="invoice-document"]'))).to.equal(true);
      for (const part of ['balance', 'invoices', 'tips', 'payment', 'footer']) {
        expect(shown(element.shadowRoot!.querySelector(`[part="${part}"]`)), part).to.equal(false);
      }
      expect(shown(view.querySelector('[part="lines"]'))).to.equal(true);
      expect(shown(view.querySelector('[part="totals"]'))).to.equal(true);
      expect(shown(view.querySelector('[part="actions"]'))).to.equal(false);
      const visibleButtons = [
        ...$$(element, 'button, a.button'),
        ...view.querySelectorAll<HTMLElement>('button, a.button'),
      ].filter((button) => button.getClientRects().length > 0);
      expect(visibleButtons.map(textOf)).to.deep.equal([]);
    });

    it('"Ask a question" reaches the business; the customer is told it was sent', async () => {
      const fixture = await invoiceLink();
      element = await mount(fixture, { locale: 'en-US' });
      const view = await invoiceView(element);
      const ask = [...view.querySelectorAll('button')].find((b) => textOf(b) === 'Ask a question')!;
      ask.click();
      await until(() => Boolean(view.querySelector('textarea')), 'the question form');
      expect(view.activeElement?.textContent?.trim()).to.equal('Ask about invoice INV-0001');
      view.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await until(() => Boolean(view.querySelector('#ask-error')), 'the empty question refused');
      expect(textOf(view.querySelector('#ask-error'))).to.equal('Type your question.');
      expect(await axeViolations(element)).to.deep.equal([]);
      const textarea = view.querySelector('textarea')!;
      textarea.value = 'Does the cleaning include the spa?';
      textarea.dispatchEvent(new Event('input'));
      const asked = new Promise<CustomEvent>((resolve) =>
        element!.addEventListener('pay-portal-invoice-question', resolve, { once: true }),
      );
      view.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      const event = await asked;
      expect(event.detail.invoice).to.match(/^inv_/);
      await until(() => Boolean(view.querySelector('.notice.good')), 'the thank-you');
      expect(textOf(view.querySelector('.notice.good'))).to.equal(
        'Your question was sent. Blue Lagoon Pools will reply by email or phone.',
      );
      const outbox = (await staff(fixture.link, 'GET', '/v1/outbox')) as {
        data: { kind: string; subject: string }[];
      };
      expect(outbox.data.map((m) => [m.kind, m.subject])).to.deep.include([
        'question',
        'Question from Dana Diaz about invoice INV-0001',
      ]);
    });

    it('a customer link opens an invoice with "View invoice", and goes back', async () => {
      element = await mount(await portalFixture('outstanding'), { locale: 'en-US' });
      const rows = $$(element, '[part="invoices"] .row');
      expect(textOf(rows[0]!)).to.contain(`Overdue · ${OVERDUE} days`);
      await click(element, control(element, 'View invoice INV-0002'));
      const view = await invoiceView(element);
      expect(textOf(view.querySelector('#invoice-title'))).to.equal('Invoice INV-0002');
      expect(view.querySelector('.badge')).to.equal(null);
      expect(element.shadowRoot!.querySelector('[part="payment"]')).to.equal(null);
      expect(await axeViolations(element)).to.deep.equal([]);
      await click(element, control(element, 'Back to your account'));
      expect(shown($(element, '[part="invoices"]'))).to.equal(true);
    });
  });
}

describe('the invoice view in Spanish, and a paid invoice link', () => {
  let element: PayPortal | undefined;
  afterEach(() => element?.remove());

  it('speaks Spanish', async () => {
    element = await mount(await invoiceLink(), { locale: 'es' });
    const view = await invoiceView(element);
    expect(textOf(view.querySelector('#invoice-title'))).to.equal('Factura INV-0001');
    expect(textOf(view.querySelector('.badge'))).to.equal(`Vencida · ${OVERDUE} días`);
    expect(textOf(view.querySelector('[part="actions"]'))).to.equal(
      'Descargar PDF Imprimir Hacer una pregunta',
    );
  });

  it('says the invoice is paid, with its receipt, never that the account is settled', async () => {
    const paid = await portalFixture('paid');
    const link = (await staff(paid.link, 'GET', `/v1/payment_links/${paid.link}`)) as {
      customer: string;
    };
    const invoices = (await staff(
      paid.link,
      'GET',
      `/v1/invoices?customer=${link.customer}&status=paid`,
    )) as { data: { id: string; number: string }[] };
    const invoice = invoices.data[0]!;
    const invoiceUrl = (await staff(paid.link, 'POST', '/v1/payment_links', {
      invoice: invoice.id,
    })) as { url: string };
    element = await mount(
      { apiBase: paid.apiBase, token: invoiceUrl.url.split('/').pop()! },
      { locale: 'en-US' },
    );
    const balance = textOf($(element, '[part="balance"]'));
    expect(balance).to.contain(`Invoice ${invoice.number} is paid`);
    expect(balance).not.to.contain('no outstanding balance');
    const view = await invoiceView(element);
    expect(textOf(view.querySelector('.badge'))).to.equal('Paid');
    // Paid through the customer's account link: its receipt number, not a receipt that may
    // name the account's other invoices (an invoice link reaches its own payments' receipts).
    expect(textOf(view.querySelector('.receipt'))).to.match(/^Receipt \S+$/);
    expect(textOf(view.querySelector('[part="totals"]'))).to.contain('Payment, ');
    expect(textOf(view.querySelector('[part="totals"]'))).to.match(/Amount due \$0\.00$/);
    expect(await axeViolations(element)).to.deep.equal([]);
  });
});
