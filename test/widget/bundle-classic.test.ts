/**
 * The built classic script (dist/widget/pay-portal.js), loaded the way a business's page loads it:
 * one <script> tag from the backend's origin. With no api-base, the element talks to that origin,
 * and imports its payment form and its estimate view from beside the script.
 */
import { expect } from '@open-wc/testing';
import type { PayPortal } from '../../widget/index.ts';
import { confirmation, fillCard, pay } from './support/paying.ts';
import {
  $,
  $$,
  axeViolations,
  portalFixture,
  settle,
  textOf,
  until,
} from './support/portal-fixtures.ts';

describe('the classic script', () => {
  it('defines <pay-portal>, which finds its backend at the script origin', async () => {
    const fixture = await portalFixture('outstanding');
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = `${fixture.apiBase}/widget/pay-portal.js`;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('the classic script did not load'));
      document.head.append(script);
    });
    expect(customElements.get('pay-portal')).to.be.a('function');
    const element = document.createElement('pay-portal') as PayPortal;
    element.setAttribute('token', fixture.token);
    element.setAttribute('locale', 'en-US');
    const ready = settle(element);
    document.body.append(element);
    expect((await ready).type).to.equal('pay-portal-ready');
    await element.updateComplete;
    expect(textOf($(element, '[part="balance"] h2'))).to.equal('Amount due $144.49');
    expect(await axeViolations(element)).to.deep.equal([]);
    // The test form is a file of its own beside the script, imported by the classic script too.
    await fillCard(element, '4242 4242 4242 4242');
    const loaded = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name))
      .filter((url) => url.origin === fixture.apiBase)
      .map((url) => url.pathname.replace(/\.[\w-]{8}\.mjs$/, '.<hash>.mjs'));
    expect(loaded).to.include.members([
      '/widget/sandbox-form.<hash>.mjs',
      '/widget/payment-flow.<hash>.mjs',
    ]);
    expect(loaded.some((path) => path.includes('stripe'))).to.equal(false);
    // No estimate on this link: the estimate view was never fetched.
    expect(loaded.some((path) => path.includes('estimate-view'))).to.equal(false);
    await pay(element);
    expect(await confirmation(element)).to.contain('Payment successful');
    element.remove();
  });

  it('imports the estimate view from beside the script, running on its own Lit', async () => {
    const fixture = await portalFixture('estimate');
    // The script is already on the page (the test above); it defined the element once.
    const element = document.createElement('pay-portal') as PayPortal;
    element.setAttribute('token', fixture.token);
    element.setAttribute('locale', 'en-US');
    const ready = settle(element);
    document.body.append(element);
    await ready;
    await until(() => $$(element, 'pay-portal-estimate').length === 1, 'the estimate view');
    const view = $(element, 'pay-portal-estimate') as HTMLElement & {
      updateComplete: Promise<unknown>;
    };
    await view.updateComplete;
    expect(textOf(view.shadowRoot!.querySelector('[role="heading"]'))).to.equal(
      'Estimate EST-0001',
    );
    const loaded = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name))
      .filter((url) => url.origin === fixture.apiBase)
      .map((url) => url.pathname);
    expect(loaded.some((path) => /^\/widget\/estimate-view\.[\w-]{8}\.mjs$/.test(path))).to.equal(
      true,
    );
    // One Lit on the page: the view's base class is the element's.
    const base = (c: CustomElementConstructor) => Object.getPrototypeOf(c);
    expect(base(customElements.get('pay-portal-estimate')!)).to.equal(
      base(customElements.get('pay-portal')!),
    );
    expect(await axeViolations(element)).to.deep.equal([]);
    element.remove();
  });
});
