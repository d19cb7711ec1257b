/**
 * Estimates inside <pay-portal>, against the real server, at 375 px: an estimate link approved
 * with a typed name, its deposit paid with the sandbox's 4242 card through the portal's payment
 * flow (confirmation, then the estimate approved with its deposit paid); a customer link where an
 * estimate is declined (the portal is read again in place) and an expired one can only be asked
 * about; "Not now" leaves a deposit for later. axe-core finds nothing in each state.
 */
import { expect } from '@open-wc/testing';
import type { PayPortal } from '../../widget/index.ts';
import type { PayPortalEstimate } from '../../widget/pay-portal-estimate/pay-portal-estimate.ts';
import { confirmation, fillCard, formReady, nextPaid, pay, totals } from './support/paying.ts';
import {
  $,
  $$,
  axeViolations,
  click,
  control,
  type Fixture,
  mount,
  portalFixture,
  staff,
  textOf,
  until,
  useWidth,
} from './support/portal.ts';

const focused = (element: PayPortal) => element.shadowRoot!.activeElement as HTMLElement | null;

/** The `<pay-portal-estimate>` elements, once the estimate view has loaded. */
async function estimateViews(element: PayPortal): Promise<PayPortalEstimate[]> {
  await until(() => $$(element, 'pay-portal-estimate').length > 0, 'the estimate view');
  const views = $$(element, 'pay-portal-estimate') as PayPortalEstimate[];
  await Promise.all(views.map((view) => view.updateComplete));
  return views;
}

const inView = (view: PayPortalEstimate, selector: string) =>
  view.shadowRoot!.querySelector<HTMLElement>(selector);
const buttonsOf = (view: PayPortalEstimate) =>
  [...view.shadowRoot!.querySelectorAll('button')].map((b) => textOf(b));

async function press(view: PayPortalEstimate, name: string) {
  const button = [...view.shadowRoot!.querySelectorAll('button')].find((b) => textOf(b) === name);
  if (!button) throw new Error(`no button ${name} in ${buttonsOf(view).join(', ')}`);
  button.click();
  await view.updateComplete;
}

async function fill(view: PayPortalEstimate, selector: string, value: string) {
  const input = inView(view, selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await view.updateComplete;
}

async function estimateOf(fixture: Fixture, id: string) {
  return (await staff(fixture.link, 'GET', `/v1/estimates/${id}`)) as {
    status: string;
    deposit_paid: number;
    decision: { reason: string | null; signature: { name: string | null } | null } | null;
  };
}

describe('estimates in the portal at 375px', () => {
  let element: PayPortal | undefined;
  before(() => useWidth(375));
  afterEach(() => element?.remove());

  it('estimate link: approve with a typed name, pay the deposit with 4242, see it paid', async () => {
    const fixture = await portalFixture('estimate');
    element = await mount(fixture, { locale: 'en-US' });
    expect($$(element, '[part="balance"], [part="payment"], [part="tips"]')).to.have.length(0);
    expect(textOf($(element, '[part="estimates"] h2'))).to.equal('Your estimate');
    let [view] = await estimateViews(element);
    const estimateId = view!.estimate!.id;
    expect(textOf(inView(view!, '[role="heading"]'))).to.equal('Estimate EST-0001');
    expect(inView(view!, '[role="heading"]')!.getAttribute('aria-level')).to.equal('3');
    // 4 500.00 + 8.25% tax; a 25% deposit.
    expect(textOf(inView(view!, '[part="totals"]'))).to.equal(
      'Subtotal $4,500.00 Tax $371.25 Total $4,871.25',
    );
    expect(textOf(inView(view!, '[part="deposit"]'))).to.equal('Deposit due on approval $1,217.81');
    expect(buttonsOf(view!)).to.deep.equal(['Approve', 'Decline', 'Ask a question']);
    expect(await axeViolations(element)).to.deep.equal([]);

    await press(view!, 'Approve');
    await press(view!, 'Continue to sign');
    await fill(view!, '#name', 'Dana Diaz');
    expect(await axeViolations(element)).to.deep.equal([]);
    await press(view!, 'Approve and sign');

    // The deposit is paid on its own, through the portal's payment block.
    await until(() => $$(element!, '[part="payment"]').length > 0, 'the deposit payment');
    await until(
      () => textOf(focused(element!)) === 'Deposit for estimate EST-0001',
      'focus on the deposit payment',
    );
    expect(textOf(inView(view!, '[role="status"]'))).to.contain(
      'Thank you! The estimate is approved.',
    );
    // One way to pay it: the estimate's own "Pay the deposit" steps aside meanwhile.
    expect(buttonsOf(view!)).to.deep.equal(['Back']);
    await formReady(element);
    // 3% + $0.30 card fee on $1,217.81.
    expect(totals(element)).to.equal('Deposit $1,217.81 Card fee $36.83 Total $1,254.64');
    expect(element.paymentRequest()).to.deep.equal({
      estimate_deposit: { estimate: estimateId },
      method: 'card',
      save_payment_method: false,
      sms_consent: null,
    });
    expect(await axeViolations(element)).to.deep.equal([]);

    await fillCard(element, '4242 4242 4242 4242');
    const paid = nextPaid(element);
    await pay(element);
    expect((await paid).detail.amount).to.equal(125_464);
    const receipt = await confirmation(element);
    expect(receipt).to.contain('Payment successful');
    expect(receipt).to.contain('$1,254.64');
    expect(await axeViolations(element)).to.deep.equal([]);

    await click(element, control(element, 'Back to your account'));
    [view] = await estimateViews(element);
    expect(textOf(inView(view!, '[part="deposit"]'))).to.equal('Deposit paid $1,217.81');
    expect(textOf(inView(view!, '.notice'))).to.equal('You approved this estimate.');
    expect(buttonsOf(view!)).to.deep.equal(['Ask a question']);
    expect($$(element, '[part="payment"]')).to.have.length(0);
    const seen = await estimateOf(fixture, estimateId);
    expect([seen.status, seen.deposit_paid, seen.decision?.signature?.name]).to.deep.equal([
      'approved',
      121_781,
      'Dana Diaz',
    ]);
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('customer link: declines an estimate; an expired one can only be asked about', async () => {
    const fixture = await portalFixture('estimates');
    element = await mount(fixture, { locale: 'en-US' });
    expect($$(element, '[part="invoices"], [part="payment"]')).to.have.length(2);
    expect(textOf($(element, '[part="estimates"] h3'))).to.equal('Estimates');
    const [pending, expired] = await estimateViews(element);
    expect(inView(pending!, '[role="heading"]')!.getAttribute('aria-level')).to.equal('4');
    expect(textOf(inView(expired!, '.notice'))).to.match(
      /^This estimate expired on Mar 1, 2020 and can no longer be approved\. You can still ask a question\.$/,
    );
    expect(buttonsOf(expired!)).to.deep.equal(['Ask a question']);
    expect(await axeViolations(element)).to.deep.equal([]);

    await press(pending!, 'Decline');
    await fill(pending!, '#reason', 'We chose a vinyl liner.');
    expect(await axeViolations(element)).to.deep.equal([]);
    const portalReads = () =>
      performance
        .getEntriesByType('resource')
        .filter((entry) => entry.name === `${fixture.apiBase}/v1/portal/${fixture.token}`).length;
    const before = portalReads();
    await press(pending!, 'Decline estimate');
    await until(() => textOf(inView(pending!, '[role="status"]')).length > 0, 'declined');
    expect(textOf(inView(pending!, '[role="status"]'))).to.contain('The estimate was declined.');
    // The portal is read again in place: no loading state, the decided estimate stays on screen.
    await until(() => portalReads() > before, 'the portal read again');
    await element.updateComplete;
    expect($$(element, '.skeleton')).to.have.length(0);
    const seen = await estimateOf(fixture, pending!.estimate!.id);
    expect([seen.status, seen.decision?.reason]).to.deep.equal([
      'declined',
      'We chose a vinyl liner.',
    ]);
    await press(pending!, 'Back');
    expect(textOf(inView(pending!, '.notice'))).to.equal('You declined this estimate.');
    expect(buttonsOf(pending!)).to.deep.equal(['Ask a question']);
    // The invoices are still there to pay.
    expect($$(element, '[part="invoices"] input[type="checkbox"]').length).to.be.greaterThan(0);
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('customer link: "Not now" leaves the deposit for later and brings the invoices back', async () => {
    const fixture = await portalFixture('estimates');
    element = await mount(fixture, { locale: 'en-US' });
    const [pending] = await estimateViews(element);
    await press(pending!, 'Approve');
    await press(pending!, 'Continue to sign');
    await fill(pending!, '#name', 'Dana Diaz');
    await press(pending!, 'Approve and sign');
    await until(
      () => textOf(focused(element!)) === 'Deposit for estimate EST-0001',
      'the deposit payment',
    );
    // Paid on its own: the invoices and the tip step aside.
    expect($$(element, '[part="invoices"], [part="tips"]')).to.have.length(0);
    expect(element.paymentRequest()).to.include({ method: 'card' });
    expect(element.paymentRequest()).to.not.have.property('invoices');
    expect(await axeViolations(element)).to.deep.equal([]);

    await click(element, control(element, 'Not now'));
    await element.updateComplete;
    expect(textOf(focused(element))).to.equal('Estimates');
    expect($$(element, '[part="invoices"]')).to.have.length(1);
    expect(textOf($(element, '#payment-title'))).to.equal('Payment details');
    expect(element.paymentRequest()).to.have.property('invoices');
    // The estimate still offers its deposit.
    await until(() => buttonsOf(pending!).includes('Back'), 'the approved step');
    await press(pending!, 'Back');
    expect(buttonsOf(pending!)).to.deep.equal(['Pay the $1,217.81 deposit', 'Ask a question']);
    await press(pending!, 'Pay the $1,217.81 deposit');
    await until(
      () => textOf(focused(element!)) === 'Deposit for estimate EST-0001',
      'the deposit payment again',
    );
  });
});
