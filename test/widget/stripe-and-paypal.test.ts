/**
 * A business with Stripe for cards and PayPal beside it (issue 16), against the real server
 * running both providers over their stand-ins, with stand-ins for Stripe.js and PayPal's JS SDK
 * in the page (tests only): the customer sees one "Card" choice (Stripe's own tabs inside it) and
 * PayPal; PayPal's buttons replace Stripe's Payment Element and pay through PayPal; back on the
 * card, the Payment Element returns and the same account pays through Stripe.
 */
import { expect } from '@open-wc/testing';
import type { PayPortal } from '../../widget/index.ts';
import { confirmation, pay, payButton, totals } from './support/paying.ts';
import { installPayPalStandIn, type PayPalStandIn } from './support/paypal-stand-in.ts';
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
} from './support/portal.ts';
import { installStripeStandIn, type StripeStandIn } from './support/stripe-stand-in.ts';

describe('Stripe for cards and PayPal beside it', () => {
  let stripe: StripeStandIn;
  let paypal: PayPalStandIn;
  let element: PayPortal | undefined;
  before(() => {
    stripe = installStripeStandIn();
    paypal = installPayPalStandIn();
  });
  beforeEach(() => {
    stripe.reset();
    paypal.reset();
  });
  afterEach(() => element?.remove());

  const paypalButton = () =>
    element!.paymentFormHost.querySelector<HTMLButtonElement>('[data-funding="paypal"]');

  async function opened() {
    const fixture = await portalFixture('outstanding', undefined, 'stripe-paypal');
    element = await mount(fixture, { locale: 'en-US' });
    await until(() => stripe.mounted.length === 1, 'the Payment Element');
    await element.updateComplete;
    return fixture;
  }

  async function payments(fixture: Awaited<ReturnType<typeof opened>>) {
    const list = (await staff(fixture.link, 'GET', '/v1/payments')) as {
      data: { status: string; provider: string; method: string; amount: number }[];
    };
    return list.data.map((p) => [p.status, p.provider, p.method, p.amount]);
  }

  it('offers one Card choice and PayPal; PayPal pays through PayPal', async () => {
    const fixture = await opened();
    const chips = $$(element!, '.methods .chip').map(textOf);
    expect(chips).to.deep.equal(['Card 3% + $0.30 fee', 'PayPal 2% + $0.10 fee']);
    expect(paypal.buttons).to.deep.equal([]);
    await click(element!, control(element!, /^PayPal/));
    await until(() => paypalButton() !== null, "PayPal's buttons");
    await element!.updateComplete;
    expect($$(element!, '[part="pay-button"]')).to.have.length(0);
    expect(totals(element!)).to.equal('Subtotal $144.49 PayPal fee $2.99 Total $147.48');
    expect(await axeViolations(element!)).to.deep.equal([]);
    paypalButton()!.click();
    expect(await confirmation(element!)).to.contain('Amount $147.48');
    expect(stripe.tokens).to.have.length(0);
    expect(await payments(fixture)).to.deep.equal([['succeeded', 'paypal', 'paypal', 14_748]]);
  });

  it("back to the card after PayPal: Stripe's Payment Element pays through Stripe", async () => {
    const fixture = await opened();
    await click(element!, control(element!, /^PayPal/));
    await until(() => paypalButton() !== null, "PayPal's buttons");
    await click(element!, control(element!, /^Card/));
    await until(() => payButton(element!) !== null, 'the Pay button');
    await until(() => stripe.mounted.length >= 1 && paypalButton() === null, 'the card form');
    expect(totals(element!)).to.equal('Subtotal $144.49 Card fee $4.63 Total $149.12');
    await pay(element!);
    expect(await confirmation(element!)).to.contain('Amount $149.12');
    expect(paypal.orders).to.deep.equal([]);
    expect(await payments(fixture)).to.deep.equal([['succeeded', 'stripe', 'card', 14_912]]);
  });
});
