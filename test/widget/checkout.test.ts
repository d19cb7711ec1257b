/**
 * Choosing what to pay: invoices, partial amounts with their bounds, tips, the method's fee, the
 * total on every change, the server's quote, the reminder consent, and the pay button.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PayPortal } from '../../widget/index.ts';
import {
  $,
  $$,
  axeViolations,
  click,
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

const totals = (element: PayPortal) => textOf($(element, '[part="totals"]'));
const payButton = (element: PayPortal) => $(element, '[part="pay-button"]') as HTMLButtonElement;
const checkbox = (element: PayPortal, row: number) =>
  $$(element, '[part="invoices"] input[type="checkbox"]')[row] as HTMLInputElement;
const tip = (element: PayPortal, label: string) =>
  $$(element, '[part="tips"] .chip')
    .find((chip) => textOf(chip).startsWith(label))!
    .querySelector('input')!;

for (const width of WIDTHS) {
  describe(`checkout at ${width}px`, () => {
    let element: PayPortal | undefined;
    before(() => useWidth(width));
    afterEach(() => element?.remove());

    it('unticking invoices and picking a tip change the total at once', async () => {
      element = await mount(await portalFixture('outstanding'), { locale: 'en-US' });
      checkbox(element, 1).click(); // INV-0002, $43.30
      await element.updateComplete;
      expect(totals(element)).to.equal('Subtotal $101.19 Card fee $3.34 Total $104.53');
      // 18% of $101.19 is $18.2142: $18.21; the fee is on subtotal and tip, once.
      expect(textOf(tip(element, '18%').closest('label'))).to.equal('18% $18.21');
      tip(element, '18%').click();
      await element.updateComplete;
      expect(totals(element)).to.equal('Subtotal $101.19 Tip $18.21 Card fee $3.88 Total $123.28');
      expect(textOf(payButton(element))).to.equal('Pay $123.28');
      const live = $(element, '[part="totals"] [aria-live="polite"]');
      expect(textOf(live)).to.equal('Total $123.28');
      expect(await axeViolations(element)).to.deep.equal([]);
    });

    it('a custom tip is parsed as money; a bad one is refused inline', async () => {
      element = await mount(await portalFixture('outstanding'), { locale: 'en-US' });
      tip(element, 'Custom').click();
      await element.updateComplete;
      const input = field(element, 'Tip amount');
      await type(element, input, '5.5');
      expect(totals(element)).to.equal('Subtotal $144.49 Tip $5.50 Card fee $4.80 Total $154.79');
      await type(element, input, '5.555');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(textOf($(element, '#error-tip'))).to.equal('Enter a tip, like 5.00.');
      expect(await axeViolations(element)).to.deep.equal([]);
    });

    it('the fee line follows the method: none for a bank account', async () => {
      element = await mount(await portalFixture('outstanding'), { locale: 'en-US' });
      const bank = $$(element, '[part="payment"] .chip').find((c) => textOf(c).startsWith('Bank'))!;
      expect(textOf(bank)).to.equal('Bank account No fee');
      bank.querySelector('input')!.click();
      await element.updateComplete;
      expect(totals(element)).to.equal('Subtotal $144.49 Total $144.49');
    });

    it('choosing nothing is refused with a message', async () => {
      element = await mount(await portalFixture('outstanding'), { locale: 'en-US' });
      for (const box of $$(element, '[part="invoices"] input[type="checkbox"]')) box.click();
      await element.updateComplete;
      expect(textOf($(element, '#error-nothing'))).to.equal('Choose at least one item to pay.');
      expect(totals(element)).to.equal('Subtotal $0.00 Total $0.00');
    });

    it('partial payments: an amount per invoice, between the minimum and what is due', async () => {
      element = await mount(await portalFixture('partial'), { locale: 'en-US' });
      const first = field(element, /^Amount to pay \(Invoice INV-0001\)$/);
      expect(first.value).to.equal('81.19');
      await type(element, first, '81.20');
      expect(textOf($(element, '[data-row] .error'))).to.equal('You can pay at most $81.19.');
      expect(first.getAttribute('aria-invalid')).to.equal('true');
      expect(await axeViolations(element)).to.deep.equal([]);
      await type(element, first, '4.99');
      expect(textOf($(element, '[data-row] .error'))).to.equal('The minimum payment is $5.00.');
      await type(element, first, 'ten');
      expect(textOf($(element, '[data-row] .error'))).to.equal('Enter an amount, like 81.19.');
      await type(element, first, '1,000');
      expect(textOf($(element, '[data-row] .error'))).to.equal('You can pay at most $81.19.');
      await type(element, first, '25');
      expect($$(element, '[data-row] .error')).to.have.length(0);
      const balance = field(element, /^Amount to pay \(Account balance\)$/);
      await type(element, balance, '12.5');
      // 25.00 + 43.30 + 12.50 = 80.80; 3% + 0.30 = 2.72.
      expect(totals(element)).to.equal('Subtotal $80.80 Card fee $2.72 Total $83.52');
    });

    it("the server's quote is fetched; a difference is shown before paying", async () => {
      const fixture = await portalFixture('outstanding');
      element = await mount(fixture, { locale: 'en-US' });
      // The business changes its card fee after the customer opened the page.
      await staff(fixture.link, 'PATCH', '/v1/settings', {
        convenience_fees: { card: { percent_bps: 400, fixed: 30 } },
      });
      tip(element, '20%').click();
      await element.updateComplete;
      // 144.49 + 28.90 = 173.39; the page still knows 3%: 5.20 + 0.30.
      await until(() => textOf(element!.shadowRoot!.querySelector('.server-note')) !== '', 'quote');
      // At 4%: 6.94 + 0.30 = 7.24.
      expect(textOf($(element, '.server-note'))).to.equal(
        'The total was updated to $180.63 (was $178.89). This is the amount that will be charged.',
      );
      expect(textOf($(element, '[part="totals"] dl'))).to.equal(
        'Subtotal $144.49 Tip $28.90 Card fee $7.24',
      );
      expect(textOf(payButton(element))).to.equal('Pay $180.63');
      expect(await axeViolations(element)).to.deep.equal([]);
    });

    it('text reminders: the exact consent text, and a phone number that must be one', async () => {
      element = await mount(await portalFixture('outstanding'), { locale: 'en-US' });
      const consent =
        'By checking this box, you agree to receive recurring automated text messages with payment reminders from Blue Lagoon Pools at the number provided. Consent is not a condition of payment. Message frequency varies. Message and data rates may apply. Reply STOP to cancel, HELP for help.';
      expect(textOf($(element, '#sms-consent'))).to.equal(consent);
      const save = field(element, 'Save card for future payments');
      expect(save.checked).to.equal(false);
      const remind = field(element, 'Text me payment reminders');
      expect(remind.checked).to.equal(false);
      remind.click();
      await element.updateComplete;
      const phone = field(element, 'Mobile number');
      await type(element, phone, '555-12');
      phone.dispatchEvent(new Event('blur'));
      await element.updateComplete;
      expect(textOf($(element, '#error-phone'))).to.equal(
        'Enter a mobile number with its area code, like +1 555 123 4567.',
      );
      expect(element.paymentRequest()).to.equal(null);
      expect(await axeViolations(element)).to.deep.equal([]);
      await type(element, phone, '+1 (813) 555-0199');
      expect($$(element, '#error-phone')).to.have.length(0);
      expect(element.paymentRequest()?.sms_consent).to.deep.equal({
        phone: '+1 (813) 555-0199',
        text: consent,
      });
      expect(element.paymentRequest()?.save_payment_method).to.equal(false);
    });

    it('pay with an error moves focus to the field to correct, and charges nothing', async () => {
      const fixture = await portalFixture('partial');
      element = await mount(fixture, { locale: 'en-US' });
      const paid: Event[] = [];
      element.addEventListener('pay-portal-paid', (e) => paid.push(e));
      const first = field(element, /^Amount to pay \(Invoice INV-0001\)$/);
      await type(element, first, '0');
      await click(element, payButton(element));
      await until(() => element!.shadowRoot!.activeElement === first, 'focus on the amount');
      expect(textOf($(element, '#pay-notice'))).to.equal('Please correct the highlighted fields.');
      await type(element, first, '20');
      // The choices are right; the test card is still to type: the form says so, at its field.
      await element.startPayment();
      await element.updateComplete;
      const number = field(element, 'Card number');
      expect(element.shadowRoot!.activeElement).to.equal(number);
      expect(textOf($(element, '#sandbox-number-error'))).to.equal('Enter the card number.');
      expect(payButton(element).disabled).to.equal(false);
      expect(paid).to.have.length(0);
      expect(await staff(fixture.link, 'GET', '/v1/payments')).to.deep.include({ data: [] });
    });

    it('gives the payment provider a light-DOM mount point slotted into the payment block', async () => {
      element = await mount(await portalFixture('outstanding'), { locale: 'en-US' });
      const host = element.paymentFormHost;
      expect(host.parentElement).to.equal(element);
      expect(host.getRootNode()).to.equal(document); // not inside any shadow root
      expect(element.paymentFormHost).to.equal(host); // made once
      const slot = $(element, '[part="payment-form"] slot[name="payment-form"]') as HTMLSlotElement;
      expect(slot.assignedElements()).to.deep.equal([host]);
    });

    it('works from the keyboard alone: tab to a tip, choose it, reach the pay button', async () => {
      element = await mount(await portalFixture('outstanding'), { locale: 'en-US' });
      const active = () => element!.shadowRoot!.activeElement as HTMLElement | null;
      checkbox(element, 0).focus();
      await sendKeys({ press: 'Space' });
      await element.updateComplete;
      expect(checkbox(element, 0).checked).to.equal(false);
      await sendKeys({ press: 'Space' });
      const reached: string[] = [];
      for (let i = 0; i < 30 && active() !== payButton(element); i++) {
        await sendKeys({ press: 'Tab' });
        const now = active();
        const label = now?.getAttribute('aria-label') ?? textOf(now?.closest('label') ?? now);
        reached.push(label || (now?.id ?? ''));
      }
      expect(active()).to.equal(payButton(element));
      expect(reached).to.include('No tip');
      expect(reached).to.include('Save card for future payments');
      // Arrow keys move within the tip radio group, as native radios do.
      tip(element, 'No tip').focus();
      await sendKeys({ press: 'ArrowRight' });
      await element.updateComplete;
      expect(tip(element, '18%').checked).to.equal(true);
      expect(totals(element)).to.contain('Tip $26.01');
      expect(reached).to.include('sandbox-number'); // the test form, in the tab order
      payButton(element).focus();
      await sendKeys({ press: 'Enter' });
      // Nothing typed in the test form yet: focus goes to its first field.
      await until(() => active()?.id === 'sandbox-number', 'focus on the card number');
    });
  });
}
