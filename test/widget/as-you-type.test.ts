/**
 * What the customer sees while typing (issue 11): the test form's card number and expiry format
 * as typed ("4242 4242 4242 4242", "12 / 30"; deleting is not fought), the Spanish expiry
 * placeholder is "MM/AA"; "Text me payment reminders" starts with the phone on file; a typed
 * signature's error goes as soon as the customer types; an estimate line's tax note names the
 * tax the totals add.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PayPortal } from '../../widget/index.ts';
import type { PayPortalEstimate } from '../../widget/pay-portal-estimate/pay-portal-estimate.ts';
import { $ as $e, estimateOnLink, mountEstimate, press, shadow } from './support/estimate-view.ts';
import { formReady } from './support/paying.ts';
import {
  $,
  axeViolations,
  field,
  mount,
  portalFixture,
  staff,
  textOf,
  until,
  useWidth,
  WIDTHS,
} from './support/portal.ts';

/** Keys pressed one by one in the focused field, as a customer types. */
async function typeKeys(element: PayPortal, input: HTMLInputElement, text: string) {
  input.focus();
  await sendKeys({ type: text });
  await element.updateComplete;
}

for (const width of WIDTHS) {
  describe(`typing in the test form at ${width}px`, () => {
    let element: PayPortal | undefined;
    before(() => useWidth(width));
    afterEach(() => element?.remove());

    it('formats the card number and expiry as they are typed', async () => {
      element = await mount(await portalFixture('outstanding'), { locale: 'en-US' });
      await formReady(element);
      const number = field(element, 'Card number') as HTMLInputElement;
      await typeKeys(element, number, '4242424242424242');
      expect(number.value).to.equal('4242 4242 4242 4242');
      const expiry = field(element, 'Expiry (MM/YY)') as HTMLInputElement;
      expect(expiry.placeholder).to.equal('MM/YY');
      await typeKeys(element, expiry, '1230');
      expect(expiry.value).to.equal('12 / 30');
      // Deleting back through the separator is not fought.
      await sendKeys({ press: 'Backspace' });
      expect(expiry.value).to.equal('12 / 3');
      await sendKeys({ press: 'Backspace' });
      expect(expiry.value).to.equal('12');
      await sendKeys({ press: 'Backspace' });
      expect(expiry.value).to.equal('1');
      await sendKeys({ type: '2' });
      expect(expiry.value).to.equal('12 / ');
      await sendKeys({ type: '4' });
      expect(expiry.value).to.equal('12 / 4');
      await typeKeys(element, number, '');
      // American Express groups 4-6-5; a month of one digit above 1 is that month.
      number.select();
      await sendKeys({ type: '378282246310005' });
      expect(number.value).to.equal('3782 822463 10005');
      expiry.select();
      await sendKeys({ type: '4' });
      expect(expiry.value).to.equal('04 / ');
      expect(await axeViolations(element)).to.deep.equal([]);
    });
  });
}

describe('the Spanish test form', () => {
  it('shows MM/AA as the expiry placeholder', async () => {
    const element = await mount(await portalFixture('outstanding', 'es'), { locale: 'es' });
    await formReady(element);
    const expiry = $(element, '#sandbox-expiry') as HTMLInputElement;
    expect(expiry.placeholder).to.equal('MM/AA');
    element.remove();
  });
});

describe('reminders', () => {
  it('start with the phone on file', async () => {
    const fixture = await portalFixture('outstanding');
    const link = (await staff(fixture.link, 'GET', `/v1/payment_links/${fixture.link}`)) as {
      customer: string;
    };
    await staff(fixture.link, 'PATCH', `/v1/customers/${link.customer}`, {
      phone: '+1 813 555 0199',
    });
    const element = await mount(fixture, { locale: 'en-US' });
    await formReady(element);
    field(element, 'Text me payment reminders').click();
    await element.updateComplete;
    expect(field(element, 'Mobile number').value).to.equal('+1 813 555 0199');
    expect(await axeViolations(element)).to.deep.equal([]);
    element.remove();
  });
});

describe('estimates', () => {
  let element: PayPortalEstimate | undefined;
  afterEach(() => element?.remove());

  it('clear the typed-signature error as the customer types', async () => {
    const setup = await estimateOnLink();
    element = await mountEstimate(setup);
    await press(element, 'Approve');
    await press(element, 'Continue to sign');
    await press(element, 'Approve and sign');
    await until(() => shadow(element!).activeElement?.id === 'name', 'focus on the name');
    expect(textOf($e(element, '#field-error'))).to.equal('Type your full name to sign.');
    await sendKeys({ type: 'D' });
    await element.updateComplete;
    expect($e(element, '#field-error')).to.equal(null);
    expect($e(element, '#name')!.getAttribute('aria-invalid')).to.equal('false');
  });
});
