/**
 * The Stripe form, against the real server running the Stripe provider over the fake Stripe API,
 * with a stand-in for Stripe.js in the page (tests only): nothing of Stripe loads until the
 * payment block shows; the Payment Element mounts in light DOM with the brand colour; a card is
 * read by the server before it is charged (a debit card drops the fee); a decline says why and
 * another card pays (other choices after it cancel the declined PaymentIntent first); Stripe's
 * tabs move the fee line; an estimate's deposit is paid through it.
 */
import { expect } from '@open-wc/testing';
import type { PayPortal } from '../../widget/index.ts';
import { confirmation, history, nextPaid, pay, payButton, totals } from './support/paying.ts';
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
import { stripeJs } from './support/portal-fixtures.ts';
import { installStripeStandIn, type StripeStandIn } from './support/stripe-stand-in.ts';

/** What our server last asked Stripe to confirm (since the test's first payment), its params. */
let seen = 0;
/**
 * What our server asked of Stripe to confirm for this page since the test began. Other test files
 * may pay through the same stand-in at the same time: their confirmations return elsewhere.
 */
async function ownConfirmRequests() {
  const all = (await stripeJs({ op: 'confirm_requests' })) as {
    params: Record<string, unknown>;
    idempotencyKey: string;
  }[];
  return all.slice(seen).filter((request) => request.params.return_url === location.href);
}

async function confirmRequests(): Promise<Record<string, unknown>[]> {
  return (await ownConfirmRequests()).map((request) => request.params);
}

const stripeFiles = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) =>
      /\/widget\/stripe-form\/|stripe-form\.[\w-]+\.mjs|@stripe|js\.stripe\.com/.test(name),
    );

describe('the Stripe form', () => {
  let stand: StripeStandIn;
  let element: PayPortal | undefined;
  before(() => {
    stand = installStripeStandIn();
  });
  beforeEach(async () => {
    stand.reset();
    seen = ((await stripeJs({ op: 'confirm_requests' })) as unknown[]).length;
  });
  afterEach(() => element?.remove());

  /** An outstanding account paid through Stripe, its Payment Element mounted. */
  async function opened(locale = 'en-US') {
    const fixture = await portalFixture('outstanding', undefined, 'stripe');
    element = await mount(fixture, { locale });
    await until(() => stand.mounted.length === 1, 'the Payment Element');
    await element.updateComplete;
    return fixture;
  }

  it('loads nothing of Stripe until the payment block shows', async () => {
    for (const state of ['zero', 'credit'] as const) {
      element = await mount(await portalFixture(state, undefined, 'stripe'), { locale: 'en-US' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(stand.constructed).to.have.length(0);
      expect(element.querySelector('[slot="payment-form"]')).to.equal(null);
      element.remove();
    }
    expect(stripeFiles()).to.deep.equal([]);
    expect(document.querySelector('script[src*="js.stripe.com"]')).to.equal(null);
    await opened();
    // The Stripe form is a file of its own, fetched now; Stripe.js is the stand-in.
    expect(stripeFiles().some((name) => name.includes('stripe-form'))).to.equal(true);
    expect(stand.constructed.map((call) => call.key)).to.deep.equal(['pk_test_widget']);
  });

  it('mounts the Payment Element in light DOM, with the total and the brand colour', async () => {
    await opened();
    const host = element!.paymentFormHost;
    const [target] = stand.mounted;
    expect(host.getRootNode()).to.equal(document);
    expect(target!.getRootNode()).to.equal(document);
    expect(host.contains(target!)).to.equal(true);
    const slot = $(element!, 'slot[name="payment-form"]') as HTMLSlotElement;
    expect(slot.assignedElements()).to.deep.equal([host]);
    expect(stand.elements[0]).to.deep.include({
      mode: 'payment',
      amount: 14912,
      currency: 'usd',
      allowedPaymentMethodTypes: ['card', 'us_bank_account'],
      setupFutureUsage: null,
    });
    expect(stand.elements[0]!.appearance).to.deep.include({
      variables: { colorPrimary: '#1a56db', colorDanger: '#b91c1c', borderRadius: '6px' },
    });
    // Stripe's tabs choose the method: the element's own chips are not shown.
    expect($$(element!, '.methods')).to.have.length(0);
    expect(await axeViolations(element!)).to.deep.equal([]);
  });

  it('pays with a card: a ConfirmationToken, confirmed on the server with it, then shown', async () => {
    const fixture = await opened();
    const paid = nextPaid(element!);
    await pay(element!);
    await confirmation(element!);
    expect(stand.submits).to.equal(1);
    expect(stand.tokens).to.have.length(1);
    expect(stand.tokenOptions[0]!.elements).to.not.equal(undefined);
    expect(stand.tokenOptions[0]!.params).to.deep.equal({ return_url: location.href });
    // The server confirmed the PaymentIntent with that very token; no 3-D Secure step.
    expect(await confirmRequests()).to.deep.equal([
      { confirmation_token: stand.tokens[0], return_url: location.href },
    ]);
    expect(stand.nextActions).to.have.length(0);
    expect((await paid).detail).to.deep.include({ amount: 14912, currency: 'usd' });
    expect(textOf($(element!, '.receipt'))).to.match(
      /Amount \$149\.12 Payment method Visa •••• 4242/,
    );
    expect(await history(fixture)).to.deep.equal(['succeeded']);
  });

  it('a debit card: the server drops the fee before anything is charged', async () => {
    await opened();
    stand.card = '4000056655665556';
    await pay(element!);
    expect(await confirmRequests()).to.deep.equal([]);
    expect(textOf($(element!, '.fee-change'))).to.equal(
      'This is a debit card, so no card fee applies. The total is now $144.49. Press Pay to confirm it.',
    );
    expect(totals(element!)).to.equal('Subtotal $144.49 Total $144.49');
    expect(textOf(payButton(element!))).to.equal('Pay $144.49');
    await pay(element!);
    expect(await confirmation(element!)).to.contain('Amount $144.49');
    // The Element was brought to the new total before its fields were submitted again.
    expect(stand.updates.map((update) => update.amount)).to.include(14449);
  });

  it("a decline shows Stripe's words; another card pays the same payment", async () => {
    const fixture = await opened();
    stand.card = '4000000000000002';
    await pay(element!);
    expect(textOf($(element!, '.pay-failure p'))).to.equal('Your card was declined.');
    expect(await axeViolations(element!)).to.deep.equal([]);
    await click(element!, control(element!, 'Enter another card'));
    expect(stand.cleared).to.equal(1);
    stand.card = '4242424242424242';
    await pay(element!);
    await confirmation(element!);
    expect(await history(fixture)).to.deep.equal(['succeeded']);
  });

  it('pays with a saved card: no fields to fill, the server confirms with the saved card', async () => {
    const fixture = await portalFixture('saved-card', undefined, 'stripe');
    element = await mount(fixture, { locale: 'en-US' });
    await until(() => stand.mounted.length === 1, 'the Payment Element');
    await element.updateComplete;
    const saved = $(element, '[part="saved-cards"] input[type="radio"]') as HTMLInputElement;
    expect(saved.checked).to.equal(true);
    expect(stand.mounted[0]!.hidden).to.equal(true); // the Payment Element is not needed
    await pay(element);
    await confirmation(element);
    expect(stand.submits).to.equal(0);
    expect(stand.tokens).to.have.length(0);
    expect(await confirmRequests()).to.deep.equal([
      { return_url: location.href, use_stripe_sdk: 'true' },
    ]);
    expect(textOf($(element, '.receipt'))).to.match(/Payment method Visa •••• 4242/);
    expect(await history(fixture)).to.deep.equal(['succeeded', 'succeeded']);
  });

  it('3-D Secure: the server answers requires_action, Stripe.js shows the step, then paid', async () => {
    const fixture = await opened();
    stand.card = '4000002500003155';
    await pay(element!);
    expect(await confirmation(element!)).to.contain('Amount $149.12');
    expect(stand.nextActions).to.have.length(1);
    expect(stand.nextActions[0]!.clientSecret).to.match(/^pi_\w+_secret_\w+$/);
    expect(await history(fixture)).to.deep.equal(['succeeded']);
  });

  it("3-D Secure failed: the bank's refusal is shown and another card pays", async () => {
    const fixture = await opened();
    stand.card = '4000002500003155';
    stand.passThreeDSecure = false;
    await pay(element!);
    expect(textOf($(element!, '.pay-failure p'))).to.contain('unable to authenticate');
    await click(element!, control(element!, 'Enter another card'));
    stand.card = '4242424242424242';
    await pay(element!);
    await confirmation(element!);
    expect(await history(fixture)).to.deep.equal(['succeeded']);
    // Each attempt was confirmed with its own token and idempotency key.
    const keys = (await ownConfirmRequests()).map((request) => request.idempotencyKey);
    expect(new Set(keys).size).to.equal(2);
  });

  it("Stripe's tabs choose the method: the fee line and the Element's amount follow", async () => {
    await opened();
    stand.change('us_bank_account');
    await element!.updateComplete;
    expect(totals(element!)).to.equal('Subtotal $144.49 Total $144.49');
    expect(stand.updates.at(-1)).to.deep.include({ amount: 14449 });
    stand.change('card');
    await element!.updateComplete;
    expect(totals(element!)).to.equal('Subtotal $144.49 Card fee $4.63 Total $149.12');
    expect(stand.updates.at(-1)).to.deep.include({ amount: 14912 });
  });

  it("pays an estimate's deposit: the Payment Element at the deposit's total, on its own", async () => {
    const fixture = await portalFixture('estimate', undefined, 'stripe');
    element = await mount(fixture, { locale: 'en-US' });
    await until(() => $$(element!, 'pay-portal-estimate').length === 1, 'the estimate view');
    const view = $(element, 'pay-portal-estimate') as HTMLElement & {
      updateComplete: Promise<unknown>;
    };
    const press = async (name: string) => {
      await view.updateComplete;
      const button = [...view.shadowRoot!.querySelectorAll('button')].find(
        (b) => textOf(b) === name,
      );
      button!.click();
      await view.updateComplete;
    };
    await press('Approve');
    await press('Continue to sign');
    const name = view.shadowRoot!.querySelector('#name') as HTMLInputElement;
    name.value = 'Dana Diaz';
    name.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await press('Approve and sign');
    await until(() => stand.mounted.length === 1, 'the Payment Element');
    await element.updateComplete;
    // A 25% deposit of $4,871.25, and the 3% + $0.30 card fee.
    expect(totals(element)).to.equal('Deposit $1,217.81 Card fee $36.83 Total $1,254.64');
    expect(stand.elements[0]).to.deep.include({ mode: 'payment', amount: 125_464 });
    await pay(element);
    expect(await confirmation(element)).to.contain('Amount $1,254.64');
    expect(await confirmRequests()).to.have.length(1);
    expect(await history(fixture)).to.deep.equal(['succeeded']);
  });

  it('other choices after a decline: the declined PaymentIntent is canceled first', async () => {
    const fixture = await opened();
    stand.card = '4000000000000002';
    await pay(element!);
    expect(textOf($(element!, '.pay-failure p'))).to.equal('Your card was declined.');
    // The customer pays the first invoice only, with another card.
    for (const box of $$(element!, '[part="invoices"] input[type="checkbox"]').slice(1)) {
      box.click();
    }
    await element!.updateComplete;
    stand.card = '4242424242424242';
    await pay(element!);
    expect(await confirmation(element!)).to.contain('Amount $83.93');
    const payments = (await staff(fixture.link, 'GET', '/v1/payments')) as {
      data: { status: string }[];
    };
    expect(payments.data.map((p) => p.status)).to.deep.equal(['succeeded', 'canceled']);
  });

  for (const width of WIDTHS) {
    it(`fits at ${width}px`, async () => {
      await useWidth(width);
      await opened('es');
      expect(stand.constructed[0]!.options).to.deep.include({ locale: 'es' });
      expect(element!.paymentFormHost.getBoundingClientRect().width).to.be.greaterThan(200);
      expect(await axeViolations(element!)).to.deep.equal([]);
    });
  }
});
