/** Spanish complete, amounts typed the Spanish way, and a zero-decimal currency throughout. */
import { expect } from '@open-wc/testing';
import { en as first } from '../../widget/i18n/en.ts';
import { enLater } from '../../widget/i18n/en-later.ts';
import { es } from '../../widget/i18n/es.ts';
import type { PayPortal } from '../../widget/index.ts';
import {
  $,
  $$,
  axeViolations,
  field,
  mount,
  portalFixture,
  root,
  textOf,
  type,
  useWidth,
  WIDTHS,
} from './support/portal.ts';

const en = { ...first, ...enLater };

/** English sentences that must never appear on a Spanish page. */
const ENGLISH = [
  en.amountDue,
  en.choose,
  en.tipLegend,
  en.noTip,
  en.saveCard,
  en.smsOptIn,
  en.paymentDetails,
  en.historyLink,
];

for (const width of WIDTHS) {
  describe(`languages and currencies at ${width}px`, () => {
    let element: PayPortal | undefined;
    before(() => useWidth(width));
    afterEach(() => element?.remove());

    it('Spanish: every message and figure in Spanish, no English left', async () => {
      element = await mount(await portalFixture('outstanding'), { locale: 'es-ES' });
      const text = textOf(root(element));
      for (const sentence of ENGLISH) expect(text).not.to.contain(sentence);
      expect(textOf($(element, '[part="balance"] h2'))).to.equal('Importe adeudado 144,49 US$');
      expect(textOf($(element, '[part="invoices"] .row'))).to.contain('Vence el 30 nov 2026');
      expect(textOf($(element, '[part="tips"] legend'))).to.equal('Agregar propina');
      expect(textOf($(element, '[part="pay-button"]'))).to.equal('Pagar 149,12 US$');
      expect(textOf($(element, '#sms-consent'))).to.equal(es.smsConsent('Blue Lagoon Pools'));
      expect($(element, '[part="card"]').getAttribute('lang')).to.equal('es-ES');
      expect(await axeViolations(element)).to.deep.equal([]);
    });

    it('Spanish zero and credit states', async () => {
      element = await mount(await portalFixture('zero'), { locale: 'es' });
      expect(textOf($(element, '.balance-body'))).to.equal(
        '¡Todo en orden! No tiene ningún saldo pendiente.',
      );
      element.remove();
      element = await mount(await portalFixture('credit'), { locale: 'es' });
      expect(textOf($(element, '.balance-body h2'))).to.equal('Saldo a favor: 12,50 US$');
    });

    it('Spanish amounts use a decimal comma: "25,5" is 25.50', async () => {
      element = await mount(await portalFixture('partial'), { locale: 'es-ES' });
      const first = field(element, /^Importe a pagar \(Factura INV-0001\)$/);
      expect(first.value).to.equal('81,19');
      await type(element, first, '25,5');
      expect($$(element, '[data-row] .error')).to.have.length(0);
      // 25.50 + 43.30 + 20.00 = 88.80; 3% + 0.30 = 2.96.
      expect(textOf($(element, '[part="totals"]'))).to.equal(
        'Subtotal 88,80 US$ Cargo por tarjeta 2,96 US$ Total 91,76 US$',
      );
      await type(element, first, '81,20');
      expect(textOf($(element, '[data-row] .error'))).to.equal(
        'Puede pagar como máximo 81,19 US$.',
      );
    });

    it('without a locale attribute the browser language decides', async () => {
      element = await mount(await portalFixture('zero'));
      const expected = navigator.language.startsWith('es') ? es.zeroTitle : en.zeroTitle;
      expect(textOf($(element, '.balance-body h2'))).to.equal(expected);
    });

    it('yen: whole amounts typed and shown, fractions refused', async () => {
      element = await mount(await portalFixture('jpy'), { locale: 'ja-JP' });
      expect(textOf($(element, '[part="balance"] h2'))).to.contain('￥16,200');
      element.remove();
      element = await mount(await portalFixture('jpy'), { locale: 'en-US' });
      expect(textOf($(element, '[part="totals"]'))).to.equal(
        'Subtotal ¥16,200 Card fee ¥486 Total ¥16,686',
      );
      expect(await axeViolations(element)).to.deep.equal([]);
    });
  });
}
