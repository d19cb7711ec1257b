/** A customer with more open invoices than the portal shows at first: "Show more invoices". */
import { expect } from '@open-wc/testing';
import type { PayPortal } from '../../widget/index.ts';
import {
  $,
  $$,
  axeViolations,
  mount,
  portalFixture,
  textOf,
  until,
  useWidth,
  WIDTHS,
} from './support/portal.ts';

const rows = (element: PayPortal) => $$(element, '[part="invoices"] .row');
const more = (element: PayPortal) =>
  $$(element, '[part="invoices"] button').find((b) => textOf(b).startsWith('Show')) ?? null;
const totals = (element: PayPortal) => textOf($(element, '[part="totals"]'));

for (const width of WIDTHS) {
  describe(`more invoices at ${width}px`, () => {
    let element: PayPortal | undefined;
    before(() => useWidth(width));
    afterEach(() => element?.remove());

    it('shows 10 of 30 invoices, then the other 20 on "Show 20 more invoices", not chosen yet', async () => {
      element = await mount(await portalFixture('many-invoices'), { locale: 'en-US' });
      expect(rows(element)).to.have.length(10);
      // $10.00 + $20.00 + … + $100.00 chosen; the card fee is 3 % + $0.30.
      expect(totals(element)).to.equal('Subtotal $550.00 Card fee $16.80 Total $566.80');
      expect(textOf(more(element))).to.equal('Show 20 more invoices');
      expect(await axeViolations(element)).to.deep.equal([]);

      more(element)!.click();
      await until(() => rows(element!).length === 30, '30 rows');
      await element.updateComplete;
      expect(more(element)).to.equal(null);
      expect(textOf(rows(element)[10]!)).to.contain('INV-0011');
      const box = rows(element)[29]!.querySelector('input[type="checkbox"]') as HTMLInputElement;
      expect(box.checked).to.equal(false);
      expect(totals(element)).to.equal('Subtotal $550.00 Card fee $16.80 Total $566.80');
      box.click();
      await element.updateComplete;
      expect(totals(element)).to.equal('Subtotal $850.00 Card fee $25.80 Total $875.80');
      expect(await axeViolations(element)).to.deep.equal([]);
    });
  });
}
