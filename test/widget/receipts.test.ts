/**
 * After paying (issue 11): "Payment successful" with the receipt number, amount, method and date,
 * "Print receipt" (the browser's print dialog; print media shows the header and the receipt
 * alone, no buttons, no payment form) and "Download receipt (PDF)"; in Spanish too. axe-clean at
 * 375 and 1280 px.
 */
import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { PayPortal } from '../../widget/index.ts';
import { confirmation, fillCard, pay } from './support/paying.ts';
import {
  $,
  $$,
  axeViolations,
  control,
  mount,
  portalFixture,
  textOf,
  until,
  useWidth,
  WIDTHS,
} from './support/portal.ts';

const shown = (node: Element | null) => Boolean(node && node.getClientRects().length > 0);

for (const width of WIDTHS) {
  describe(`the receipt after paying at ${width}px`, () => {
    let element: PayPortal | undefined;
    const print = window.print;
    let printed = 0;
    before(() => useWidth(width));
    beforeEach(() => {
      printed = 0;
      // The real dialog would block the test; what matters is that the button opens it.
      window.print = () => {
        printed += 1;
      };
    });
    afterEach(async () => {
      window.print = print;
      await emulateMedia({ media: 'screen' });
      element?.remove();
    });

    it('says "Payment successful" and prints the receipt alone', async () => {
      element = await mount(await portalFixture('outstanding'), { locale: 'en-US' });
      await fillCard(element, '4242 4242 4242 4242');
      await pay(element);
      const text = await confirmation(element);
      expect(textOf($(element, '[part="confirmation"] h2'))).to.equal('Payment successful');
      expect(text).to.match(
        /Receipt number R-000001 Amount \$149\.12 Payment method Visa •••• 4242 Date/,
      );
      expect(textOf(control(element, 'Download receipt (PDF)'))).to.equal('Download receipt (PDF)');
      expect(await axeViolations(element)).to.deep.equal([]);

      (control(element, 'Print receipt') as HTMLButtonElement).click();
      expect(printed).to.equal(1);

      await emulateMedia({ media: 'print' });
      expect(shown($(element, '[part="header"]'))).to.equal(true);
      expect(shown($(element, '.receipt'))).to.equal(true);
      expect(shown($(element, '[part="confirmation"] h2'))).to.equal(true);
      const visibleButtons = $$(element, 'button, a.button').filter((b) => shown(b));
      expect(visibleButtons.map(textOf)).to.deep.equal([]);
    });

    it('speaks Spanish', async () => {
      element = await mount(await portalFixture('outstanding'), { locale: 'en-US' });
      await fillCard(element, '4242 4242 4242 4242');
      await pay(element);
      await confirmation(element);
      element.locale = 'es';
      await until(
        () => textOf($(element!, '[part="confirmation"] h2')) !== 'Payment successful',
        'Spanish',
      );
      expect(textOf($(element, '[part="confirmation"] h2'))).to.equal('Pago realizado con éxito');
      (control(element, 'Imprimir recibo') as HTMLButtonElement).click();
      expect(printed).to.equal(1);
      expect(control(element, 'Descargar recibo (PDF)')).to.exist;
    });
  });
}
