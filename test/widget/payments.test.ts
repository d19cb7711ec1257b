/**
 * Paying in the element with the sandbox's test form, against the real server: a card with a
 * tip, a declined card and another one after it, insufficient funds, 3-D Secure completed and
 * failed, a debit card (no card fee: the new total is shown and accepted), a bank account.
 * axe-core finds nothing in each new state; at 375 px and 1280 px.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PayPortal } from '../../widget/index.ts';
import {
  confirmation,
  fillCard,
  formReady,
  history,
  nextPaid,
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
  textOf,
  type,
  until,
  useWidth,
  WIDTHS,
} from './support/portal.ts';

const focused = (element: PayPortal) => element.shadowRoot!.activeElement as HTMLElement | null;
const chip = (element: PayPortal, label: string) =>
  $$(element, '.chip')
    .find((c) => textOf(c).startsWith(label))!
    .querySelector('input')!;

for (const width of WIDTHS) {
  describe(`paying with the test form at ${width}px`, () => {
    let element: PayPortal | undefined;
    before(() => useWidth(width));
    afterEach(() => element?.remove());

    it('pays with 4242 and an 18% tip: confirmation, pay-portal-paid, balance updated', async () => {
      const fixture = await portalFixture('outstanding');
      element = await mount(fixture, { locale: 'en-US' });
      chip(element, '18%').click();
      await formReady(element);
      expect(textOf($(element, '[part="sandbox-form"] .sandbox-title'))).to.equal(
        'Test mode No real money moves. Use a test card:',
      );
      expect(textOf($(element, '.sandbox-hints'))).to.match(
        /^4242 4242 4242 4242 succeeds 4000 0566 5566 5556 debit card: no card fee 4000 0000 0000 0002 declined 4000 0000 0000 9995 insufficient funds 4000 0025 0000 3155 asks for 3-D Secure$/,
      );
      await fillCard(element, '4242 4242 4242 4242');
      expect(await axeViolations(element)).to.deep.equal([]);
      // $144.49 + 18% ($26.01) + 3% and 30¢ of $170.50 ($5.42).
      expect(textOf(payButton(element))).to.equal('Pay $175.92');
      const paid = nextPaid(element);
      await pay(element);
      await confirmation(element);
      const { detail } = await paid;
      expect(detail.payment).to.match(/^pay_/);
      expect(detail).to.deep.include({
        amount: 17592,
        currency: 'usd',
        receipt_number: 'R-000001',
      });
      expect(textOf($(element, '.receipt'))).to.match(
        /^Receipt number R-000001 Amount \$175\.92 Payment method Visa •••• 4242 Date \w{3} \d{1,2}, \d{4}$/,
      );
      const receipt = control(element, 'Download receipt (PDF)') as HTMLAnchorElement;
      expect(receipt.href).to.contain(`/payments/${detail.payment}/receipt.pdf`);
      expect(textOf(focused(element))).to.equal('Payment successful');
      expect(await axeViolations(element)).to.deep.equal([]);
      await click(element, control(element, 'Back to your account'));
      expect(textOf($(element, '[part="balance"]'))).to.contain("You're all set!");
      expect(await history(fixture)).to.deep.equal(['succeeded']);
    });

    it('a declined card says why; another card then pays the same payment', async () => {
      const fixture = await portalFixture('outstanding');
      element = await mount(fixture, { locale: 'en-US' });
      await fillCard(element, '4000 0000 0000 0002');
      await pay(element);
      expect(textOf($(element, '.pay-failure p'))).to.equal(
        'Your card was declined. Try another card.',
      );
      expect($(element, '.pay-failure').getAttribute('role')).to.equal('alert');
      expect(textOf(focused(element))).to.equal('Enter another card');
      expect(await axeViolations(element)).to.deep.equal([]);
      expect(await history(fixture)).to.deep.equal(['failed']);
      await click(element, control(element, 'Enter another card'));
      await until(() => focused(element!)?.id === 'sandbox-number', 'focus on the card number');
      expect(field(element, 'Card number').value).to.equal('');
      expect($$(element, '.pay-failure')).to.have.length(0);
      await fillCard(element, '4242424242424242');
      await pay(element);
      expect(await confirmation(element)).to.contain('Amount $149.12');
      // One payment: the declined attempt was confirmed again with the other card.
      expect(await history(fixture)).to.deep.equal(['succeeded']);
    });

    it('insufficient funds: the reason, and the balance unchanged', async () => {
      const fixture = await portalFixture('outstanding');
      element = await mount(fixture, { locale: 'en-US' });
      await fillCard(element, '4000 0000 0000 9995');
      await pay(element);
      expect(textOf($(element, '.pay-failure p'))).to.equal(
        'Your card has insufficient funds. Try another card.',
      );
      await element.reload();
      await element.updateComplete;
      expect(textOf($(element, '[part="balance"] h2'))).to.equal('Amount due $144.49');
    });

    it('3-D Secure: the step opens as a dialog; completing it pays', async () => {
      element = await mount(await portalFixture('outstanding'), { locale: 'en-US' });
      await fillCard(element, '4000 0025 0000 3155');
      payButton(element).click();
      await until(() => $$(element!, 'dialog.three-ds[open]').length === 1, 'the 3-D Secure step');
      await element.updateComplete;
      expect(textOf($(element, 'dialog.three-ds'))).to.equal(
        'Test mode Confirm your payment Test mode: this is the step where your bank asks you to confirm the payment of $149.12 to Blue Lagoon Pools. Complete authentication Fail authentication',
      );
      expect(textOf(focused(element))).to.equal('Complete authentication');
      expect(payButton(element).disabled).to.equal(true);
      expect(await axeViolations(element)).to.deep.equal([]);
      await sendKeys({ press: 'Enter' });
      expect(await confirmation(element)).to.contain('Payment successful');
    });

    it('3-D Secure failed (Escape closes the step): the reason, and another try', async () => {
      const fixture = await portalFixture('outstanding');
      element = await mount(fixture, { locale: 'en-US' });
      await fillCard(element, '4000 0025 0000 3155');
      payButton(element).click();
      await until(() => $$(element!, 'dialog.three-ds[open]').length === 1, 'the 3-D Secure step');
      await sendKeys({ press: 'Escape' });
      await until(() => $$(element!, '.pay-failure').length === 1, 'the failure');
      expect(textOf($(element, '.pay-failure p'))).to.equal(
        "Your bank couldn't confirm this payment. Try again, or try another card.",
      );
      expect($$(element, 'dialog.three-ds')).to.have.length(0);
      expect(await history(fixture)).to.deep.equal(['failed']);
    });

    it('a debit card drops the card fee: the new total is shown, then accepted', async () => {
      const fixture = await portalFixture('outstanding');
      element = await mount(fixture, { locale: 'en-US' });
      expect(totals(element)).to.equal('Subtotal $144.49 Card fee $4.63 Total $149.12');
      await fillCard(element, '4000 0566 5566 5556');
      await pay(element);
      expect(textOf($(element, '.fee-change'))).to.equal(
        'This is a debit card, so no card fee applies. The total is now $144.49. Press Pay to confirm it.',
      );
      expect(totals(element)).to.equal('Subtotal $144.49 Total $144.49');
      expect(textOf(payButton(element))).to.equal('Pay $144.49');
      expect(focused(element)).to.equal(payButton(element));
      expect(await axeViolations(element)).to.deep.equal([]);
      await pay(element);
      expect(await confirmation(element)).to.contain('Amount $144.49');
      expect(await history(fixture)).to.deep.equal(['succeeded']);
    });

    it('pays by bank account with the test routing and account numbers', async () => {
      element = await mount(await portalFixture('outstanding'), { locale: 'en-US' });
      chip(element, 'Bank account').click();
      await element.updateComplete;
      await until(() => $$(element!, '#sandbox-routing').length === 1, 'the bank fields');
      expect(textOf($(element, '.sandbox-title'))).to.equal(
        'Test mode No real money moves. Use the test bank account:',
      );
      expect($$(element, '#sandbox-number')).to.have.length(0);
      await type(element, field(element, 'Routing number'), '110000000');
      await type(element, field(element, 'Account number'), '0001234');
      // The listed test account is a button that fills it in.
      await click(element, control(element, /^routing 110000000, account 000123456789/));
      expect(field(element, 'Account number').value).to.equal('000123456789');
      expect(await axeViolations(element)).to.deep.equal([]);
      await pay(element);
      expect(textOf($(element, '.receipt'))).to.match(
        /Amount \$144\.49 Payment method Bank account •••• 6789/,
      );
    });
  });
}
