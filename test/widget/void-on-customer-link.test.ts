/**
 * Words that are true on a customer link (issue 11): the customer chose an open invoice, staff
 * voided it meanwhile, the customer presses Pay: "This invoice was cancelled by Blue Lagoon
 * Pools; nothing was charged", not "Please try again", and no payment exists. At 375 and 1280 px.
 */
import { expect } from '@open-wc/testing';
import type { PayPortal } from '../../widget/index.ts';
import { fillCard, pay } from './support/paying.ts';
import {
  $,
  axeViolations,
  mount,
  portalFixture,
  staff,
  textOf,
  until,
  useWidth,
  WIDTHS,
} from './support/portal.ts';

for (const width of WIDTHS) {
  describe(`a voided invoice paid from a customer link at ${width}px`, () => {
    let element: PayPortal | undefined;
    before(() => useWidth(width));
    afterEach(() => element?.remove());

    it('says the business cancelled it and nothing was charged', async () => {
      const fixture = await portalFixture('outstanding');
      element = await mount(fixture, { locale: 'en-US' });
      const portal = (await (
        await fetch(`${fixture.apiBase}/v1/portal/${fixture.token}`)
      ).json()) as { link: { kind: string }; invoices: { id: string }[] };
      expect(portal.link.kind).to.equal('customer');
      // Every open invoice starts selected; staff void the first behind the customer's back.
      await staff(fixture.link, 'POST', `/v1/invoices/${portal.invoices[0]!.id}/void`);
      await fillCard(element, '4242 4242 4242 4242');
      await pay(element);
      await until(() => textOf($(element!, '#pay-notice')) !== '', 'the notice');
      expect(textOf($(element, '#pay-notice'))).to.equal(
        'This invoice was cancelled by Blue Lagoon Pools; nothing was charged.',
      );
      expect(textOf($(element, '[part="payment"]'))).not.to.contain('try again');
      const payments = (await staff(fixture.link, 'GET', '/v1/payments')) as { data: unknown[] };
      expect(payments.data).to.deep.equal([]);
      expect(await axeViolations(element)).to.deep.equal([]);
    });
  });
}
