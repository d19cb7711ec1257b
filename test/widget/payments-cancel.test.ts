/**
 * A payment the customer did not complete is let go of when they change their choices: the
 * element cancels it (`POST …/payments/:id/cancel`) before it makes the next one, so what the
 * old one held never blocks the new one (no "another payment is in progress"). Against the real
 * server, at 375 px: after a decline, after a debit card's new total, after a page reload (the
 * payment the last page left), after a refused number.
 */
import { expect } from '@open-wc/testing';
import type { PayPortal } from '../../widget/index.ts';
import { confirmation, fillCard, pay, totals } from './support/paying.ts';
import {
  $,
  $$,
  axeViolations,
  type Fixture,
  mount,
  portalFixture,
  staff,
  textOf,
  useWidth,
} from './support/portal.ts';

/** The business's payments for this customer, oldest first, as staff sees them. */
async function paymentsOf(fixture: Fixture) {
  const list = (await staff(fixture.link, 'GET', '/v1/payments')) as {
    data: { status: string; amount: number }[];
  };
  return list.data.map((payment) => `${payment.status} ${payment.amount}`).reverse();
}

/** Leaves only the first invoice chosen: the choices change. */
async function payFirstInvoiceOnly(element: PayPortal) {
  for (const box of $$(element, '[part="invoices"] input[type="checkbox"]').slice(1)) box.click();
  await element.updateComplete;
}

describe('changing the choices after an attempt, at 375px', () => {
  let element: PayPortal | undefined;
  before(() => useWidth(375));
  afterEach(() => element?.remove());

  it('after a decline: the declined payment is canceled, the new one goes through', async () => {
    const fixture = await portalFixture('outstanding');
    element = await mount(fixture, { locale: 'en-US' });
    await fillCard(element, '4000 0000 0000 0002');
    await pay(element);
    expect(textOf($(element, '.pay-failure'))).to.contain('Your card was declined.');

    await payFirstInvoiceOnly(element);
    expect(totals(element)).to.equal('Subtotal $81.19 Card fee $2.74 Total $83.93');
    await fillCard(element, '4242 4242 4242 4242');
    await pay(element);
    const receipt = await confirmation(element);
    expect(receipt).to.contain('$83.93');
    expect(receipt).not.to.contain('in progress');
    expect(await paymentsOf(fixture)).to.deep.equal(['canceled 14912', 'succeeded 8393']);
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('after a debit card changed the total: the old payment stops holding the invoices', async () => {
    const fixture = await portalFixture('outstanding');
    element = await mount(fixture, { locale: 'en-US' });
    await fillCard(element, '4000 0566 5566 5556');
    await pay(element);
    expect(textOf($(element, '.fee-change'))).to.contain('This is a debit card');

    // Instead of accepting it, the customer pays one invoice, with a credit card.
    await payFirstInvoiceOnly(element);
    await fillCard(element, '4242 4242 4242 4242');
    await pay(element);
    expect(await confirmation(element)).to.contain('$83.93');
    expect(await paymentsOf(fixture)).to.deep.equal(['canceled 14449', 'succeeded 8393']);
  });

  it('after a page reload: the payment the last page left is canceled too', async () => {
    const fixture = await portalFixture('outstanding');
    element = await mount(fixture, { locale: 'en-US' });
    await fillCard(element, '4000 0566 5566 5556');
    await pay(element);
    expect(textOf($(element, '.fee-change'))).to.contain('This is a debit card');
    element.remove();
    // The page is loaded again (the tab keeps its sessionStorage, as a reload does): what that
    // page remembered is now an earlier page load's.
    const kept = JSON.parse(sessionStorage.getItem('pay-portal:unconfirmed-payments') ?? '[]');
    expect(kept).to.have.length(1);
    sessionStorage.setItem(
      'pay-portal:unconfirmed-payments',
      JSON.stringify(kept.map((entry: object) => ({ ...entry, page: 'an earlier page load' }))),
    );
    element = await mount(fixture, { locale: 'en-US' });
    await payFirstInvoiceOnly(element);
    await fillCard(element, '4242 4242 4242 4242');
    await pay(element);
    expect(await confirmation(element)).to.contain('$83.93');
    expect(await paymentsOf(fixture)).to.deep.equal(['canceled 14449', 'succeeded 8393']);
  });

  it('after a refused card number: the same', async () => {
    const fixture = await portalFixture('outstanding');
    element = await mount(fixture, { locale: 'en-US' });
    await fillCard(element, '4111 1111 1111 1111');
    await pay(element);
    expect(textOf($(element, '#sandbox-number-error'))).to.contain('Test mode takes test cards');

    await payFirstInvoiceOnly(element);
    await fillCard(element, '4242 4242 4242 4242');
    await pay(element);
    expect(await confirmation(element)).to.contain('$83.93');
    expect(await paymentsOf(fixture)).to.deep.equal(['canceled 14912', 'succeeded 8393']);
  });
});
