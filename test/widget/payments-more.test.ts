/**
 * More of paying in the element, against the real server: a saved card, a double click (one
 * payment), a partial payment and paying again, the keyboard alone, a card the server refuses
 * (shown at its field), two tabs paying the same invoices (the second is told), and Spanish.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PayPortal } from '../../widget/index.ts';
import {
  confirmation,
  fillCard,
  formReady,
  history,
  pay,
  payButton,
  totals,
} from './support/paying.ts';
import {
  $,
  $$,
  axeViolations,
  click,
  control,
  field,
  mount,
  portalFixture,
  staff,
  textOf,
  type,
  until,
  useWidth,
  WIDTHS,
} from './support/portal.ts';

const focused = (element: PayPortal) => element.shadowRoot!.activeElement as HTMLElement | null;

for (const width of WIDTHS) {
  describe(`more paying at ${width}px`, () => {
    const elements: PayPortal[] = [];
    const open = async (...args: Parameters<typeof mount>) => {
      const element = await mount(...args);
      elements.push(element);
      return element;
    };
    before(() => useWidth(width));
    afterEach(() => {
      for (const element of elements.splice(0)) element.remove();
    });

    it('pays with a saved card: chosen at first, no card to type', async () => {
      const fixture = await portalFixture('saved-card');
      const element = await open(fixture, { locale: 'en-US' });
      await formReady(element);
      const saved = field(element, /^Visa •••• 4242/);
      expect(saved.type).to.equal('radio');
      expect(saved.checked).to.equal(true);
      expect($$(element, '#sandbox-number')).to.have.length(0);
      expect($$(element, '.check input').map((box) => textOf(box.closest('label')))).not.to.include(
        'Save card for future payments',
      );
      expect(await axeViolations(element)).to.deep.equal([]);
      // INV-0002 ($43.30) and the $20.00 charge, with the card fee: $65.50.
      await pay(element);
      expect(textOf($(element, '.receipt'))).to.match(
        /^Receipt number R-000002 Amount \$65\.50 Payment method Visa •••• 4242/,
      );
      expect(await history(fixture)).to.deep.equal(['succeeded', 'succeeded']);
    });

    it('"New card" instead of the saved one shows the test form', async () => {
      const element = await open(await portalFixture('saved-card'), { locale: 'en-US' });
      await formReady(element);
      await click(element, field(element, 'New card'));
      expect($$(element, '#sandbox-number')).to.have.length(1);
      expect(field(element, 'Save card for future payments').checked).to.equal(false);
    });

    it('a double click makes one payment', async () => {
      const fixture = await portalFixture('outstanding');
      const element = await open(fixture, { locale: 'en-US' });
      await fillCard(element, '4242 4242 4242 4242');
      const button = payButton(element);
      button.click();
      button.click();
      await element.updateComplete;
      expect(button.disabled).to.equal(true);
      expect(textOf(button)).to.equal('Processing…');
      button.click();
      await confirmation(element);
      expect(await history(fixture)).to.deep.equal(['succeeded']);
      const payments = (await staff(fixture.link, 'GET', '/v1/payments')) as { data: unknown[] };
      expect(payments.data).to.have.length(1);
    });

    it('a partial payment shows what remains; paying again pays it', async () => {
      const fixture = await portalFixture('partial');
      const element = await open(fixture, { locale: 'en-US' });
      for (const box of $$(element, '[part="invoices"] input[type="checkbox"]').slice(1)) {
        box.click();
      }
      await type(element, field(element, /^Amount to pay \(Invoice INV-0001\)$/), '25');
      expect(totals(element)).to.equal('Subtotal $25.00 Card fee $1.05 Total $26.05');
      await fillCard(element, '4242 4242 4242 4242');
      await pay(element);
      await confirmation(element);
      expect(textOf($(element, '.remaining'))).to.equal('Remaining balance: $119.49');
      expect(await axeViolations(element)).to.deep.equal([]);
      await click(element, control(element, 'Pay remaining balance'));
      await formReady(element);
      expect(field(element, 'Card number').value).to.equal('');
      await fillCard(element, '4242 4242 4242 4242');
      await pay(element);
      expect(await confirmation(element)).not.to.contain('Remaining balance');
      expect(await history(fixture)).to.deep.equal(['succeeded', 'succeeded']);
    });

    it('pays from the keyboard alone', async () => {
      const element = await open(await portalFixture('outstanding'), { locale: 'en-US' });
      await formReady(element);
      ($$(element, '[part="invoices"] input')[0] as HTMLElement).focus();
      const tabTo = async (id: string) => {
        for (let i = 0; i < 40 && focused(element)?.id !== id; i++) {
          await sendKeys({ press: 'Tab' });
        }
        expect(focused(element)?.id).to.equal(id);
      };
      await tabTo('sandbox-number');
      await sendKeys({ type: '4242424242424242' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '12/34' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '123' });
      for (let i = 0; i < 20 && focused(element) !== payButton(element); i++) {
        await sendKeys({ press: 'Tab' });
      }
      expect(focused(element)).to.equal(payButton(element));
      await sendKeys({ press: 'Enter' });
      await confirmation(element);
      expect(textOf(focused(element))).to.equal('Payment successful');
    });

    it('a card the test mode refuses is shown at its field; the same payment then goes through', async () => {
      const fixture = await portalFixture('outstanding');
      const element = await open(fixture, { locale: 'en-US' });
      // A real card's number (Luhn-valid) is not a test card: the server says so.
      await fillCard(element, '4111 1111 1111 1111');
      await pay(element);
      const number = field(element, 'Card number');
      expect(number.getAttribute('aria-invalid')).to.equal('true');
      expect(textOf($(element, '#sandbox-number-error'))).to.equal(
        'Test mode takes test cards only, such as 4242 4242 4242 4242.',
      );
      expect(focused(element)).to.equal(number);
      expect(textOf($(element, '#pay-notice'))).to.equal('Please correct the highlighted fields.');
      expect(await axeViolations(element)).to.deep.equal([]);
      // Checked as typed before anything is sent: a mistyped number and a past date.
      await fillCard(element, '4242 4242 4242 4241', '01/20');
      await pay(element);
      expect(textOf($(element, '#sandbox-number-error'))).to.equal(
        'Your card number is incorrect.',
      );
      expect(textOf($(element, '#sandbox-expiry-error'))).to.equal(
        "Your card's expiration date is in the past.",
      );
      await fillCard(element, '4242 4242 4242 4242');
      await pay(element);
      await confirmation(element);
      expect(await history(fixture)).to.deep.equal(['succeeded']);
    });

    it('two tabs: while one waits for 3-D Secure, the other is told the invoices are taken', async () => {
      const fixture = await portalFixture('outstanding');
      const first = await open(fixture, { locale: 'en-US' });
      const second = await open(fixture, { locale: 'en-US' });
      await fillCard(first, '4000 0025 0000 3155');
      payButton(first).click();
      await until(() => $$(first, 'dialog.three-ds[open]').length === 1, 'the 3-D Secure step');
      await fillCard(second, '4242 4242 4242 4242');
      await pay(second);
      expect(textOf($(second, '#pay-notice'))).to.equal(
        'A payment for this is already in progress. Wait a moment, then try again.',
      );
      await click(first, control(first, 'Complete authentication'));
      await confirmation(first);
      await second.reload();
      await second.updateComplete;
      expect(textOf($(second, '[part="balance"]'))).to.contain("You're all set!");
      expect(await history(fixture)).to.deep.equal(['succeeded']);
    });

    it('speaks Spanish: the form, a decline, a debit card and the 3-D Secure step', async () => {
      const element = await open(await portalFixture('outstanding'), { locale: 'es' });
      await formReady(element);
      await type(element, field(element, 'Número de tarjeta'), '4000000000000002');
      await type(element, field(element, 'Vencimiento (MM/AA)'), '12/34');
      await type(element, field(element, 'CVC'), '123');
      expect(textOf($(element, '.sandbox-title'))).to.equal(
        'Modo de prueba No se mueve dinero real. Use una tarjeta de prueba:',
      );
      await pay(element);
      expect(textOf($(element, '.pay-failure'))).to.equal(
        'Su tarjeta fue rechazada. Pruebe con otra tarjeta. Ingresar otra tarjeta',
      );
      await click(element, control(element, 'Ingresar otra tarjeta'));
      await type(element, field(element, 'Número de tarjeta'), '4000 0566 5566 5556');
      await type(element, field(element, 'Vencimiento (MM/AA)'), '12/34');
      await type(element, field(element, 'CVC'), '123');
      await pay(element);
      expect(textOf($(element, '.fee-change'))).to.match(
        /^Es una tarjeta de débito, así que no se aplica el cargo por tarjeta\. El total ahora es 144,49 US\$\. Pulse Pagar para confirmarlo\.$/,
      );
      expect(await axeViolations(element)).to.deep.equal([]);
      await pay(element);
      expect(await confirmation(element)).to.contain('Pago realizado con éxito');
    });

    it('speaks Spanish in the 3-D Secure step', async () => {
      const element = await open(await portalFixture('outstanding'), { locale: 'es' });
      await formReady(element);
      await type(element, field(element, 'Número de tarjeta'), '4000002500003155');
      await type(element, field(element, 'Vencimiento (MM/AA)'), '1234');
      await type(element, field(element, 'CVC'), '123');
      payButton(element).click();
      await until(() => $$(element, 'dialog.three-ds[open]').length === 1, 'the 3-D Secure step');
      expect(textOf($(element, 'dialog.three-ds h2'))).to.equal('Confirme su pago');
      await click(element, control(element, 'Hacer fallar la verificación'));
      await until(() => $$(element, '.pay-failure').length === 1, 'the failure');
      expect(textOf($(element, '.pay-failure p'))).to.equal(
        'Su banco no pudo confirmar este pago. Inténtelo de nuevo o pruebe con otra tarjeta.',
      );
    });
  });
}
