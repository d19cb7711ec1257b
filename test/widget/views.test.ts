/**
 * The other views and blocks, on real data: recent charges, payment history (empty, then with a
 * sandbox payment), the confirmation, a saved card and its removal; focus follows each change.
 * A visit is counted once (`POST …/views`), whatever the reloads after it.
 */
import { expect } from '@open-wc/testing';
import type { PayPortal } from '../../widget/index.ts';
import { confirmation, fillCard, pay } from './support/paying.ts';
import {
  $,
  $$,
  axeViolations,
  click,
  control,
  linkEvents,
  mount,
  portalFixture,
  textOf,
  until,
  useWidth,
  WIDTHS,
} from './support/portal.ts';

const focused = (element: PayPortal) => element.shadowRoot!.activeElement as HTMLElement | null;

for (const width of WIDTHS) {
  describe(`views at ${width}px`, () => {
    let element: PayPortal | undefined;
    before(() => useWidth(width));
    afterEach(() => element?.remove());

    it('"View recent charges" expands the line items: description, date, amount, tax', async () => {
      element = await mount(await portalFixture('outstanding'), { locale: 'en-US' });
      const toggle = control(element, 'View recent charges');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      await click(element, toggle);
      await until(() => $$(element!, '.charge').length > 0, 'charges');
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(textOf(toggle)).to.equal('Hide recent charges');
      const lines = $$(element, '.charge').map(textOf);
      expect(lines).to.include('Chlorine top-up $20.00 Nov 20, 2026');
      expect(lines.find((line) => line.startsWith('Filter replacement'))).to.match(
        /^Filter replacement \$40\.00 .+ Tax \$3\.30$/,
      );
      expect(await axeViolations(element)).to.deep.equal([]);
      await click(element, toggle);
      expect($(element, '#recent-charges').hidden).to.equal(true);
    });

    it('payment history: an empty history until payments exist, focus on its heading and back', async () => {
      element = await mount(await portalFixture('zero'), { locale: 'en-US' });
      await click(element, control(element, 'Payment history'));
      await until(() => textOf($(element!, '[part="history"]')).includes('No payments yet.'));
      expect(textOf(focused(element))).to.equal('Payment history');
      expect(await axeViolations(element)).to.deep.equal([]);
      await click(element, control(element, /Back to your account/));
      await element.updateComplete;
      expect(textOf(focused(element))).to.equal("You're all set!");
    });

    it('payment history lists a real payment: date, amount, card, status, receipt', async () => {
      element = await mount(await portalFixture('paid'), { locale: 'en-US' });
      await click(element, control(element, 'Payment history'));
      await until(() => $$(element!, '.payment-row').length === 1, 'the payment');
      const row = $(element, '.payment-row');
      expect(textOf(row)).to.match(/^\$83\.93 .+ · Visa •••• 4242 Paid Receipt$/);
      const receipt = row.querySelector('a')!;
      expect(receipt.href).to.match(/\/v1\/portal\/.+\/payments\/pay_.+\/receipt\.pdf$/);
      expect(receipt.getAttribute('aria-label')).to.match(/^Download receipt for the payment of /);
      expect(await axeViolations(element)).to.deep.equal([]);
    });

    it('a saved card shows as "Visa •••• 4242" and can be removed', async () => {
      const fixture = await portalFixture('saved-card');
      element = await mount(fixture, { locale: 'en-US' });
      const card = $(element, '.saved-card');
      expect(textOf(card)).to.match(/^Visa •••• 4242 Expires \d{2}\/\d{2} Remove$/);
      expect(await axeViolations(element)).to.deep.equal([]);
      await click(element, control(element, 'Remove Visa •••• 4242'));
      await until(() => $$(element!, '.saved-card').length === 0, 'the card to go');
      expect(textOf(focused(element))).to.equal('Payment details');
      // Gone on the server too: a fresh load lists no saved card.
      await element.reload();
      await element.updateComplete;
      expect($$(element, '[part="saved-cards"]')).to.have.length(0);
    });

    it('confirmation of a succeeded payment: receipt, what remains, and pay-portal-paid', async () => {
      const fixture = await portalFixture('paid');
      element = await mount(fixture, { locale: 'en-US' });
      const paid = new Promise<CustomEvent>((resolve) =>
        element!.addEventListener('pay-portal-paid', (e) => resolve(e as CustomEvent), {
          once: true,
        }),
      );
      await element.showPayment(fixture.payment!);
      expect((await paid).detail).to.deep.equal({
        payment: fixture.payment,
        amount: 8393,
        currency: 'usd',
        receipt_number: 'R-000001',
      });
      await element.updateComplete;
      expect(textOf(focused(element))).to.equal('Payment successful');
      expect(textOf($(element, '.receipt'))).to.match(
        /^Receipt number R-000001 Amount \$83\.93 Payment method Visa •••• 4242 Date \w{3} \d{1,2}, \d{4}$/,
      );
      expect(textOf(control(element, 'Download receipt (PDF)'))).to.equal('Download receipt (PDF)');
      // INV-0002 ($43.30) and the $20.00 account charge are still owed.
      expect(textOf($(element, '.remaining'))).to.equal('Remaining balance: $63.30');
      expect(await axeViolations(element)).to.deep.equal([]);
      await click(element, control(element, 'Pay remaining balance'));
      await element.updateComplete;
      expect(textOf(focused(element))).to.equal('Amount due $63.30');
    });
  });
}

describe('counting views', () => {
  let element: PayPortal | undefined;
  afterEach(() => element?.remove());

  it('posts one view per page load: not again after a payment or a reload', async () => {
    const fixture = await portalFixture('outstanding');
    element = await mount(fixture, { locale: 'en-US' });
    const viewed = async () => (await linkEvents(fixture.link)).filter((t) => t === 'viewed');
    await until(() => performance.getEntriesByName(viewsUrl(fixture)).length === 1, 'the view');
    await fillCard(element, '4242 4242 4242 4242');
    await pay(element);
    expect(await confirmation(element)).to.contain('Payment successful');
    // A retry, or a page's own call, loads the account again: still the same visit.
    await element.reload();
    await element.updateComplete;
    const types = await linkEvents(fixture.link);
    expect(types).to.include('payment_made');
    expect(await viewed()).to.deep.equal(['viewed']);
    expect(performance.getEntriesByName(viewsUrl(fixture))).to.have.length(1);
  });
});

const viewsUrl = (fixture: { apiBase: string; token: string }) =>
  `${fixture.apiBase}/v1/portal/${fixture.token}/views`;
