/**
 * The Square form, against the real server running the Square provider over the Square stand-in,
 * with a stand-in for Square's Web Payments SDK in the page (tests only): nothing of Square loads
 * until the payment block shows; the card form attaches in light DOM; a card is tokenized, then
 * authorized, settled and captured by the server (a debit card drops the fee before anything is
 * charged); a decline says why and another card pays.
 */
import { expect } from '@open-wc/testing';
import type { PayPortal } from '../../widget/index.ts';
import { confirmation, history, pay, payButton, totals } from './support/paying.ts';
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
import { installSquareStandIn, type SquareStandIn } from './support/square-stand-in.ts';

describe('the Square form', () => {
  let stand: SquareStandIn;
  let element: PayPortal | undefined;
  before(() => {
    stand = installSquareStandIn();
  });
  beforeEach(() => stand.reset());
  afterEach(() => element?.remove());

  async function opened(locale = 'en-US') {
    const fixture = await portalFixture('outstanding', undefined, 'square');
    element = await mount(fixture, { locale });
    await until(() => stand.attached.length === 1, "Square's card form");
    await element.updateComplete;
    return fixture;
  }

  it('loads nothing of Square until the payment block shows', async () => {
    element = await mount(await portalFixture('zero', undefined, 'square'), { locale: 'en-US' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stand.payments).to.have.length(0);
    expect(document.querySelector('script[src*="squarecdn.com"]')).to.equal(null);
    element.remove();
    await opened();
    expect(stand.payments).to.deep.equal([
      { applicationId: 'sandbox-sq0idb-widget', locationId: 'LTEST0LOCATION' },
    ]);
  });

  it('attaches the card form in light DOM, inside the payment form slot', async () => {
    await opened();
    const host = element!.paymentFormHost;
    const [target] = stand.attached;
    expect(target!.getRootNode()).to.equal(document);
    expect(host.contains(target!)).to.equal(true);
    expect(totals(element!)).to.equal('Subtotal $144.49 Card fee $4.63 Total $149.12');
    expect(await axeViolations(element!)).to.deep.equal([]);
  });

  it('pays with a card: tokenized, then authorized and captured by the server, then shown', async () => {
    const fixture = await opened();
    await pay(element!);
    expect(await confirmation(element!)).to.contain('Amount $149.12');
    expect(stand.tokens).to.have.length(1);
    expect(textOf($(element!, '.receipt'))).to.match(/Payment method Visa •••• 1111/);
    expect(await history(fixture)).to.deep.equal(['succeeded']);
  });

  it('a debit card: the server drops the fee before anything is charged; the next press pays', async () => {
    await opened();
    stand.card = '4000056655665556';
    await pay(element!);
    expect(textOf($(element!, '.fee-change'))).to.equal(
      'This is a debit card, so no card fee applies. The total is now $144.49. Press Pay to confirm it.',
    );
    expect(textOf(payButton(element!))).to.equal('Pay $144.49');
    await pay(element!);
    expect(await confirmation(element!)).to.contain('Amount $144.49');
    // Square's tokens are used once: each press made its own.
    expect(new Set(stand.tokens).size).to.equal(2);
  });

  it('a decline says why; another card pays the same payment', async () => {
    const fixture = await opened();
    stand.card = '4000000000000002';
    await pay(element!);
    expect(textOf($(element!, '.pay-failure p'))).to.equal(
      'Your card was declined. Try another card.',
    );
    await click(element!, control(element!, 'Enter another card'));
    stand.card = '4111111111111111';
    await pay(element!);
    await confirmation(element!);
    expect(await history(fixture)).to.deep.equal(['succeeded']);
    const payments = (await staff(fixture.link, 'GET', '/v1/payments')) as {
      data: { status: string; provider: string }[];
    };
    expect(payments.data.map((p) => [p.status, p.provider])).to.deep.equal([
      ['succeeded', 'square'],
    ]);
  });

  it('fields left empty: nothing is made or charged', async () => {
    const fixture = await opened();
    stand.card = '';
    await pay(element!);
    expect($$(element!, '.pay-failure')).to.have.length(0);
    const payments = (await staff(fixture.link, 'GET', '/v1/payments')) as { data: unknown[] };
    expect(payments.data).to.have.length(0);
  });

  for (const width of WIDTHS) {
    it(`fits at ${width}px`, async () => {
      await useWidth(width);
      await opened('es');
      expect(element!.paymentFormHost.getBoundingClientRect().width).to.be.greaterThan(200);
      expect(await axeViolations(element!)).to.deep.equal([]);
    });
  }
});
