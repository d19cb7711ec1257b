/** Each balance state as the customer sees it, worded as the design words it, at phone and desktop widths. */
import { expect } from '@open-wc/testing';
import type { PayPortal } from '../../widget/index.ts';
import {
  $,
  $$,
  axeViolations,
  mount,
  portalFixture,
  textOf,
  useWidth,
  WIDTHS,
} from './support/portal.ts';

for (const width of WIDTHS) {
  describe(`balance states at ${width}px`, () => {
    let element: PayPortal | undefined;
    before(() => useWidth(width));
    afterEach(() => element?.remove());

    it('zero: "You\'re all set! You have no outstanding balance." and nothing to pay', async () => {
      const fixture = await portalFixture('zero');
      const ready = new Promise<CustomEvent>((resolve) =>
        document.addEventListener('pay-portal-ready', (e) => resolve(e as CustomEvent), {
          once: true,
        }),
      );
      element = await mount(fixture, { locale: 'en-US' });
      expect(textOf($(element, '[part="balance"] .balance-body'))).to.equal(
        "You're all set! You have no outstanding balance.",
      );
      expect((await ready).detail).to.deep.equal({
        kind: 'customer',
        balance: { amount: 0, state: 'zero' },
        currency: 'usd',
      });
      expect($$(element, '[part="tips"], [part="payment"], [part="invoices"]')).to.have.length(0);
      expect(await axeViolations(element)).to.deep.equal([]);
    });

    it('credit: "Account credit: $12.50", no payment form, no tip', async () => {
      element = await mount(await portalFixture('credit'), { locale: 'en-US' });
      expect(textOf($(element, '[part="balance"] h2'))).to.equal('Account credit: $12.50');
      expect($$(element, '[part="tips"], [part="payment"], [part="invoices"]')).to.have.length(0);
      expect(await axeViolations(element)).to.deep.equal([]);
    });

    it('outstanding: the amount, open invoices all chosen, tips, fee and total', async () => {
      element = await mount(await portalFixture('outstanding'), { locale: 'en-US' });
      // 7500 + 8.25% tax, 4000 + 8.25% tax, and a 2000 charge on no invoice.
      expect(textOf($(element, '[part="balance"] h2'))).to.equal('Amount due $144.49');
      const rows = $$(element, '[part="invoices"] .row');
      expect(rows.map((row) => textOf(row.querySelector('.row-title')))).to.deep.equal([
        'Invoice INV-0001',
        'Invoice INV-0002',
        'Account balance',
      ]);
      expect(
        $$(element, '[part="invoices"] input[type="checkbox"]').map(
          (box) => (box as HTMLInputElement).checked,
        ),
      ).to.deep.equal([true, true, true]);
      expect(textOf(rows[0]!)).to.contain('Due Nov 30, 2026').and.contain('$81.19');
      const pdf = rows[0]!.querySelector('a')!;
      expect(pdf.getAttribute('aria-label')).to.equal('Download PDF of invoice INV-0001');
      expect(pdf.href).to.match(/\/v1\/portal\/.+\/invoices\/inv_.+\.pdf$/);
      expect(textOf($(element, '[part="tips"] legend'))).to.equal('Add a tip');
      // Card chosen by default: 3% + $0.30 on $144.49 is $4.63.
      expect(textOf($(element, '[part="totals"]'))).to.equal(
        'Subtotal $144.49 Card fee $4.63 Total $149.12',
      );
      expect(textOf($(element, '[part="pay-button"]'))).to.equal('Pay $149.12');
      expect(await axeViolations(element)).to.deep.equal([]);
    });

    it('an invoice link shows that one invoice, payable, without a checkbox', async () => {
      element = await mount(await portalFixture('invoice'), { locale: 'en-US' });
      expect(textOf($(element, '[part="balance"] h2'))).to.equal('Amount due $81.19');
      expect($$(element, '[part="invoices"] .row')).to.have.length(1);
      expect($$(element, '[part="invoices"] input[type="checkbox"]')).to.have.length(0);
      expect(textOf($(element, '[part="pay-button"]'))).to.equal('Pay $83.93');
      expect(await axeViolations(element)).to.deep.equal([]);
    });

    it('zero-decimal currency: yen without decimals, fee and tip rounded to whole yen', async () => {
      element = await mount(await portalFixture('jpy'), { locale: 'en-US' });
      // 12 000 + 10% tax, and a 3 000 charge on no invoice.
      expect(textOf($(element, '[part="balance"] h2'))).to.equal('Amount due ¥16,200');
      expect(textOf($(element, '[part="tips"]'))).to.contain('18% ¥2,916');
      expect(textOf($(element, '[part="totals"]'))).to.equal(
        'Subtotal ¥16,200 Card fee ¥486 Total ¥16,686',
      );
      expect(await axeViolations(element)).to.deep.equal([]);
    });
  });
}
