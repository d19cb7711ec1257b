/** The built ES module (dist/widget/pay-portal.mjs), imported from the backend's origin. */
import { expect } from '@open-wc/testing';
import type { PayPortal } from '../../widget/index.ts';
import { $, portalFixture, settle, textOf } from './support/portal-fixtures.ts';

describe('the ES module', () => {
  it('defines <pay-portal>, which finds its backend at the module origin', async () => {
    const fixture = await portalFixture('credit');
    const module = await import(/* @vite-ignore */ `${fixture.apiBase}/widget/pay-portal.mjs`);
    expect(customElements.get('pay-portal')).to.equal(module.PayPortal);
    const element = document.createElement('pay-portal') as PayPortal;
    element.setAttribute('token', fixture.token);
    element.setAttribute('locale', 'en-US');
    const ready = settle(element);
    document.body.append(element);
    expect((await ready).type).to.equal('pay-portal-ready');
    await element.updateComplete;
    expect(textOf($(element, '[part="balance"] h2'))).to.equal('Account credit: $12.50');
    element.remove();
  });
});
