/**
 * What heads an estimate link (its estimate, a lazy part of its own) is on the page the moment
 * the account is: the element loads it before it draws the account, so no "Loading the
 * estimate…" line stands in its place and nothing below it moves when it comes (the hosted page
 * preloads it; before, the footer jumped: a layout shift of 0.13 at 375 px). A file of its own,
 * so that the estimate view is not yet defined on this page when the test starts.
 */
import { expect } from '@open-wc/testing';
import type { PayPortal } from '../../widget/index.ts';
import { portalFixture, settle, useWidth } from './support/portal.ts';

describe('the part heading the page', () => {
  let element: PayPortal | undefined;
  before(() => useWidth(375));
  afterEach(() => element?.remove());

  it('draws an estimate link with its estimate at once, never a loading line in its place', async () => {
    expect(customElements.get('pay-portal-estimate')).to.equal(undefined);
    const fixture = await portalFixture('estimate');
    element = document.createElement('pay-portal');
    element.setAttribute('api-base', fixture.apiBase);
    element.setAttribute('locale', 'en-US');
    element.setAttribute('token', fixture.token);
    // Every state the customer could see, as each drawing leaves the shadow root.
    const drawn: string[] = [];
    const note = () => {
      const section = element!.shadowRoot!.querySelector('[part="estimates"]');
      if (!section) return;
      const estimate = section.querySelector('pay-portal-estimate');
      drawn.push(estimate ? 'estimate' : (section.textContent ?? '').replace(/\s+/g, ' ').trim());
    };
    const observer = new MutationObserver(note);
    const ready = settle(element);
    document.body.append(element);
    observer.observe(element.shadowRoot!, { childList: true, subtree: true, characterData: true });
    expect((await ready).type).to.equal('pay-portal-ready');
    await element.updateComplete;
    note();
    observer.disconnect();
    expect(drawn.length).to.be.greaterThan(0);
    expect([...new Set(drawn)]).to.deep.equal(['estimate']);
  });
});
