/**
 * The customer's language (issue 12): when the business chose one for the customer, the portal
 * opens in it, whatever the browser's; a `locale` the page sets still wins.
 */
import { expect } from '@open-wc/testing';
import { enLater } from '../../widget/i18n/en-later.ts';
import { es } from '../../widget/i18n/es.ts';
import type { PayPortal } from '../../widget/index.ts';
import { $, mount, portalFixture, staff, textOf } from './support/portal.ts';

describe("the customer's language", () => {
  let element: PayPortal | undefined;
  afterEach(() => element?.remove());

  it('opens in Spanish for a customer the business marked Spanish; the page can still choose', async () => {
    const fixture = await portalFixture('outstanding');
    const link = (await staff(fixture.link, 'GET', `/v1/payment_links/${fixture.link}`)) as {
      customer: string;
    };
    element = await mount(fixture);
    expect(textOf($(element, '[part="tips"] legend'))).to.equal(enLater.tipLegend);
    element.remove();

    await staff(fixture.link, 'PATCH', `/v1/customers/${link.customer}`, { locale: 'es' });
    element = await mount(fixture);
    expect(textOf($(element, '[part="tips"] legend'))).to.equal(es.tipLegend);
    expect($(element, '[part="card"]').getAttribute('lang')).to.equal('es');
    element.remove();

    element = await mount(fixture, { locale: 'en-US' });
    expect(textOf($(element, '[part="tips"] legend'))).to.equal(enLater.tipLegend);
  });
});
