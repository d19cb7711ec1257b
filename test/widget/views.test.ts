/**
 * The other views and blocks: recent charges, payment history (empty until payments exist), the
 * confirmation, saved cards; focus moves to each view's heading and back.
 */
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { PortalApi } from '../../widget/api/portal-api.ts';
import type { Portal } from '../../widget/api/types.ts';
import { CheckoutController } from '../../widget/checkout/checkout.controller.ts';
import { Localizer } from '../../widget/i18n/localize.ts';
import type { PayPortal } from '../../widget/index.ts';
import { renderPaymentForm } from '../../widget/payment-form/payment-form.ts';
import {
  $,
  $$,
  axeViolations,
  click,
  control,
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
      expect(textOf(focused(element))).to.equal('Payment received');
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

describe('blocks the payments issue fills', () => {
  let container: HTMLElement;
  const l = new Localizer('en-US', 'usd');
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => container.remove());

  it('saved cards: "Visa •••• 4242" with a labelled remove button', async () => {
    const fixture = await portalFixture('outstanding');
    const portal = (await (
      await fetch(`${fixture.apiBase}/v1/portal/${fixture.token}`)
    ).json()) as Portal;
    portal.saved_payment_methods = [
      { id: 'pm_1', brand: 'visa', last4: '4242', exp_month: 4, exp_year: 2030 },
    ];
    const host = {
      addController() {},
      removeController() {},
      requestUpdate() {},
      updateComplete: Promise.resolve(true),
    };
    const checkout = new CheckoutController(host);
    checkout.reset(portal, l, new PortalApi(fixture.apiBase, fixture.token));
    const removed: string[] = [];
    const draw = () =>
      render(
        html`${renderPaymentForm(l, portal, checkout, {
          busy: false,
          notice: '',
          removing: new Set(),
          removeFailed: null,
          pay: () => {},
          removeCard: (card) => removed.push(card.id),
        })}`,
        container,
      );
    draw();
    expect(textOf(container.querySelector('.saved-card'))).to.equal(
      'Visa •••• 4242 Expires 04/30 Remove',
    );
    const remove = container.querySelector('.saved-card button') as HTMLButtonElement;
    expect(remove.getAttribute('aria-label')).to.equal('Remove Visa •••• 4242');
    remove.click();
    expect(removed).to.deep.equal(['pm_1']);
    expect(container.querySelector('slot[name="payment-form"]')).to.not.equal(null);
  });
});
