/**
 * Refunds the customer can see (issue 11), in Chromium against the real server: the payment
 * history marks a payment "Partly refunded" or "Refunded" and lists each refund with its amount
 * and date, in English and Spanish; axe clean at 375 and 1280 px.
 */
import { expect } from '@open-wc/testing';
import type { PayPortal } from '../../widget/index.ts';
import {
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

async function openHistory(element: PayPortal, label: string): Promise<HTMLElement> {
  await click(element, control(element, label));
  await until(() => $$(element, '.payment-row').length > 0, 'the history');
  return $$(element, '.payment-row')[0]!;
}

const today = (locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date());

for (const width of WIDTHS) {
  describe(`refunds in the history at ${width}px`, () => {
    let element: PayPortal | undefined;
    before(() => useWidth(width));
    afterEach(() => element?.remove());

    it('a partly refunded payment, then a refunded one', async () => {
      const fixture = await portalFixture('paid');
      await staff(fixture.link, 'POST', `/v1/payments/${fixture.payment}/refunds`, {
        amount: 1_000,
      });
      element = await mount(fixture, { locale: 'en-US' });
      let row = await openHistory(element, 'Payment history');
      expect(textOf(row.querySelector('.status'))).to.equal('Partly refunded');
      expect(textOf(row.querySelector('.refunds'))).to.equal(
        `$10.00 refunded on ${today('en-US')}`,
      );
      expect(await axeViolations(element)).to.deep.equal([]);
      element.remove();

      const payment = (await staff(fixture.link, 'GET', `/v1/payments/${fixture.payment}`)) as {
        amount: number;
      };
      await staff(fixture.link, 'POST', `/v1/payments/${fixture.payment}/refunds`, {
        amount: payment.amount - 1_000,
      });
      element = await mount(fixture, { locale: 'es' });
      row = await openHistory(element, 'Historial de pagos');
      expect(textOf(row.querySelector('.status'))).to.equal('Reembolsado');
      expect($$(element, '.refunds li').map(textOf)).to.have.length(2);
      expect(await axeViolations(element)).to.deep.equal([]);
    });
  });
}
