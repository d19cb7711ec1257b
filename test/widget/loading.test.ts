/**
 * Getting to the account: the skeleton holds the final layout, a dead link and a lost connection
 * are told in the customer's words, retry works, a new token reloads, the view is counted once.
 */
import { expect } from '@open-wc/testing';
import type { PayPortal } from '../../widget/index.ts';
import {
  $,
  axeViolations,
  click,
  control,
  deadLink,
  linkEvents,
  mount,
  portalFixture,
  settle,
  staff,
  textOf,
  until,
  useWidth,
  WIDTHS,
} from './support/portal.ts';

const realFetch = window.fetch;

/** Holds every fetch until released: the network as a slow phone sees it. */
function holdFetches() {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  window.fetch = (...args) => gate.then(() => realFetch(...args));
  return release;
}

function rect(element: PayPortal, selector: string) {
  const { top, height, width } = $(element, selector).getBoundingClientRect();
  return { top, height, width };
}

for (const width of WIDTHS) {
  describe(`loading at ${width}px`, () => {
    let element: PayPortal | undefined;
    before(() => useWidth(width));
    afterEach(() => {
      window.fetch = realFetch;
      element?.remove();
    });

    it('shows a skeleton the size of the account it becomes: nothing moves', async () => {
      const fixture = await portalFixture('zero');
      const release = holdFetches();
      element = document.createElement('pay-portal');
      element.setAttribute('api-base', fixture.apiBase);
      element.setAttribute('locale', 'en');
      element.setAttribute('token', fixture.token);
      const ready = settle(element);
      document.body.append(element);
      await element.updateComplete;
      expect($(element, '[part="skeleton"]').getAttribute('aria-busy')).to.equal('true');
      expect(await axeViolations(element)).to.deep.equal([]);
      const before = {
        card: rect(element, '[part="card"]'),
        header: rect(element, '.header'),
        balance: rect(element, '.balance'),
      };
      release();
      await ready;
      await element.updateComplete;
      expect(rect(element, '[part="header"]')).to.deep.equal(before.header);
      expect(rect(element, '[part="balance"]')).to.deep.equal(before.balance);
      // The business here has contact details, shown below the footer's history link.
      expect(rect(element, '[part="card"]').top).to.equal(before.card.top);
    });

    it('moved in the page while loading, it still loads', async () => {
      const fixture = await portalFixture('credit');
      const release = holdFetches();
      element = document.createElement('pay-portal');
      element.setAttribute('api-base', fixture.apiBase);
      element.setAttribute('locale', 'en');
      element.setAttribute('token', fixture.token);
      document.body.append(element);
      await element.updateComplete;
      const box = document.createElement('section');
      document.body.append(box);
      const ready = settle(element);
      box.append(element); // disconnected and connected again
      release();
      expect((await ready).type).to.equal('pay-portal-ready');
      await element.updateComplete;
      expect(textOf($(element, '[part="balance"] h2'))).to.equal('Account credit: $12.50');
      box.remove();
    });

    it("a dead link says so in the customer's words and fires pay-portal-error", async () => {
      const errors: CustomEvent[] = [];
      document.addEventListener('pay-portal-error', (e) => errors.push(e as CustomEvent));
      element = await mount(await deadLink(), { locale: 'en' });
      const notice = $(element, '[part="notice"]');
      expect(textOf(notice)).to.equal(
        'This payment link is no longer valid It may have expired or been replaced by a newer link. Please contact the business that sent it to you and ask them for a new one.',
      );
      expect(errors.map((e) => e.detail.code)).to.deep.equal(['link_invalid']);
      expect(await axeViolations(element)).to.deep.equal([]);
    });

    it('a link that dies while open names the business and how to reach it', async () => {
      const fixture = await portalFixture('outstanding');
      element = await mount(fixture, { locale: 'en' });
      await staff(fixture.link, 'POST', `/v1/payment_links/${fixture.link}/revoke`);
      await element.reload();
      const notice = textOf($(element, '[part="notice"]'));
      expect(notice).to.contain('Please contact Blue Lagoon Pools for a new link:');
      expect(notice).to.contain('+1 813 555 0142').and.contain('billing@bluelagoon.example');
      expect(await axeViolations(element)).to.deep.equal([]);
    });

    it("a new token that is dead does not name the last link's business", async () => {
      element = await mount(await portalFixture('outstanding'), { locale: 'en' });
      const dead = settle(element);
      element.token = (await deadLink()).token;
      await dead;
      await element.updateComplete;
      const notice = textOf($(element, '[part="notice"]'));
      expect(notice).to.contain('Please contact the business that sent it to you');
      expect(notice).not.to.contain('Blue Lagoon');
    });

    it('a lost connection shows a retry that works, and focus lands on the result', async () => {
      const fixture = await portalFixture('credit');
      window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
      const errors: CustomEvent[] = [];
      const listen = (e: Event) => errors.push(e as CustomEvent);
      document.addEventListener('pay-portal-error', listen);
      element = await mount(fixture, { locale: 'en' });
      document.removeEventListener('pay-portal-error', listen);
      expect(errors[0]!.detail.code).to.equal('network_error');
      expect(textOf($(element, '[part="notice"]'))).to.equal(
        "We couldn't load your account Check your internet connection and try again. Try again",
      );
      expect(await axeViolations(element)).to.deep.equal([]);
      window.fetch = realFetch;
      const ready = settle(element);
      await click(element, control(element, 'Try again'));
      await ready;
      await until(() => element!.shadowRoot!.activeElement !== null, 'focus');
      expect(textOf(element.shadowRoot!.activeElement)).to.equal('Account credit: $12.50');
    });

    it('changing the token loads the other account', async () => {
      element = await mount(await portalFixture('zero'), { locale: 'en' });
      expect(textOf($(element, '[part="balance"] h2'))).to.equal("You're all set!");
      const other = await portalFixture('credit');
      const ready = settle(element);
      element.token = other.token;
      const event = await ready;
      await element.updateComplete;
      expect(event.detail.balance).to.deep.equal({ amount: -1250, state: 'credit' });
      expect(textOf($(element, '[part="balance"] h2'))).to.equal('Account credit: $12.50');
    });

    it('tells the server the customer saw the page, once per load', async () => {
      const fixture = await portalFixture('outstanding');
      expect(await linkEvents(fixture.link)).to.deep.equal(['created']);
      element = await mount(fixture, { locale: 'en' });
      let events: string[] = [];
      for (let i = 0; i < 50 && !events.includes('viewed'); i++) {
        events = await linkEvents(fixture.link);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      element.locale = 'es';
      await element.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await linkEvents(fixture.link)).filter((type) => type === 'viewed')).to.have.length(
        1,
      );
    });
  });
}
