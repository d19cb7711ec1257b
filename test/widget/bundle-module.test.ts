/** The built ES module (dist/widget/pay-portal.mjs), imported from the backend's origin. */
import { expect } from '@open-wc/testing';
import type { PayPortal } from '../../widget/index.ts';
import { formReady } from './support/paying.ts';
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

  it('imports its payment form from beside the module', async () => {
    const fixture = await portalFixture('outstanding');
    await import(/* @vite-ignore */ `${fixture.apiBase}/widget/pay-portal.mjs`);
    const element = document.createElement('pay-portal') as PayPortal;
    element.setAttribute('token', fixture.token);
    element.setAttribute('locale', 'en-US');
    const ready = settle(element);
    document.body.append(element);
    await ready;
    await formReady(element);
    const parts = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.startsWith(`${fixture.apiBase}/widget/`));
    expect(parts.some((name) => /\/widget\/sandbox-form\.[\w-]{8}\.mjs$/.test(name))).to.equal(
      true,
    );
    element.remove();
  });
});
