/**
 * PayPal beside the card, against the real server running the sandbox for cards and PayPal over
 * the PayPal stand-in, with a stand-in for PayPal's JS SDK in the page (tests only): nothing of
 * PayPal loads until the customer picks PayPal; its Buttons (PayPal's and Venmo's) render in
 * light DOM in place of the Pay button; a press makes the order for the server's total, the
 * buyer approves it, the server captures it and the confirmation shows; a declined funding
 * source says why and PayPal pays on the next press; a closed window charges nothing; a wrong
 * choice keeps PayPal's window shut.
 */
import { expect } from '@open-wc/testing';
import type { PayPortal } from '../../widget/index.ts';
import { confirmation, history, payButton, totals } from './support/paying.ts';
import { installPayPalStandIn, type PayPalStandIn } from './support/paypal-stand-in.ts';
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

describe('PayPal beside the card', () => {
  let stand: PayPalStandIn;
  let element: PayPortal | undefined;
  before(() => {
    stand = installPayPalStandIn();
  });
  beforeEach(() => stand.reset());
  afterEach(() => element?.remove());

  const paypalButton = (funding = 'paypal') =>
    element!.paymentFormHost.querySelector<HTMLButtonElement>(`[data-funding="${funding}"]`);

  async function opened(locale = 'en-US') {
    const fixture = await portalFixture('outstanding', undefined, 'paypal');
    element = await mount(fixture, { locale });
    await until(() => $$(element!, '.methods input').length > 0, 'the method choice');
    return fixture;
  }

  async function choosePayPal() {
    await click(element!, control(element!, /^PayPal/));
    await until(() => paypalButton() !== null, "PayPal's buttons");
    await element!.updateComplete;
  }

  it('loads nothing of PayPal until the customer picks it; then its buttons replace Pay', async () => {
    await opened();
    expect(stand.buttons).to.deep.equal([]);
    expect(document.querySelector('script[src*="paypal.com"]')).to.equal(null);
    expect(payButton(element!)).to.not.equal(null);
    const chip = textOf(control(element!, /^PayPal/));
    expect(chip).to.equal('PayPal 2% + $0.10 fee');
    await choosePayPal();
    expect(stand.buttons).to.deep.equal(['paypal', 'venmo']);
    expect(paypalButton()!.getRootNode()).to.equal(document);
    expect(paypalButton('venmo')).to.not.equal(null);
    expect($$(element!, '[part="pay-button"]')).to.have.length(0);
    expect(totals(element!)).to.equal('Subtotal $144.49 PayPal fee $2.99 Total $147.48');
    expect(await axeViolations(element!)).to.deep.equal([]);
  });

  it('pays with PayPal: the order for our total, approved, captured, then the confirmation', async () => {
    const fixture = await opened();
    await choosePayPal();
    paypalButton()!.click();
    expect(await confirmation(element!)).to.contain('Amount $147.48');
    expect(stand.orders).to.have.length(1);
    expect(await history(fixture)).to.deep.equal(['succeeded']);
    const payments = (await staff(fixture.link, 'GET', '/v1/payments')) as {
      data: { status: string; provider: string; method: string; amount: number }[];
    };
    expect(payments.data.map((p) => [p.status, p.provider, p.method, p.amount])).to.deep.equal([
      ['succeeded', 'paypal', 'paypal', 14_748],
    ]);
  });

  it('pays with Venmo, PayPal’s other button', async () => {
    const fixture = await opened();
    await choosePayPal();
    paypalButton('venmo')!.click();
    await confirmation(element!);
    expect(await history(fixture)).to.deep.equal(['succeeded']);
  });

  it('a declined funding source says why; the next press pays the same payment', async () => {
    const fixture = await opened();
    await choosePayPal();
    stand.buyer = 'declined';
    paypalButton()!.click();
    await until(() => $$(element!, '.pay-failure').length > 0, 'the failure');
    expect(textOf($(element!, '.pay-failure p'))).to.contain('PayPal declined this payment');
    stand.buyer = 'approves';
    paypalButton()!.click();
    await confirmation(element!);
    expect(new Set(stand.orders).size).to.equal(1);
    expect(await history(fixture)).to.deep.equal(['succeeded']);
  });

  it('a closed PayPal window charges nothing and says so', async () => {
    const fixture = await opened();
    await choosePayPal();
    stand.buyer = 'closes';
    paypalButton()!.click();
    await until(() => textOf($(element!, '#pay-notice')) !== '', 'the notice');
    expect(textOf($(element!, '#pay-notice'))).to.equal(
      'The PayPal window was closed before paying. Nothing was charged.',
    );
    expect(await history(fixture)).to.deep.equal([]);
  });

  it('a wrong choice keeps PayPal shut and is shown at its field', async () => {
    await opened();
    await choosePayPal();
    for (const box of $$(element!, '[part="invoices"] input[type="checkbox"]')) {
      await click(element!, box as HTMLElement);
    }
    paypalButton()!.click();
    await until(() => stand.rejected === 1, 'the rejected click');
    expect(stand.orders).to.deep.equal([]);
  });

  it('back to the card: the card form again, with the Pay button', async () => {
    await opened();
    await choosePayPal();
    await click(element!, control(element!, /^Card/));
    await until(() => payButton(element!) !== null, 'the Pay button');
    expect(totals(element!)).to.equal('Subtotal $144.49 Card fee $4.63 Total $149.12');
  });

  for (const width of WIDTHS) {
    it(`fits at ${width}px`, async () => {
      await useWidth(width);
      await opened('es');
      await choosePayPal();
      // PayPal's buttons take the width of their container (the payment form's slot).
      const buttons = element!.paymentFormHost.querySelector('.paypal-buttons')!;
      expect(buttons.getBoundingClientRect().width).to.be.greaterThan(200);
      expect(await axeViolations(element!)).to.deep.equal([]);
    });
  }
});
