/**
 * `<pay-portal business="…">` without a token: the "Pay your bill" form against the real server.
 * A known email and an unknown one see the same answer; only the known one gets a link. A token in
 * the page's URL fragment opens the portal instead.
 */
import { expect } from '@open-wc/testing';
import type { PayPortal } from '../../widget/index.ts';
import {
  $,
  axeViolations,
  mount,
  portalFixture,
  staff,
  textOf,
  useWidth,
  WIDTHS,
} from './support/portal.ts';

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function ask(element: PayPortal, contact: string): Promise<string> {
  const input = $(element, 'input[name="contact"]') as HTMLInputElement;
  input.value = contact;
  input.dispatchEvent(new Event('input'));
  $(element, '[part="access-button"]').click();
  await until(() => element.shadowRoot!.querySelector('[role="status"]') !== null, 'the answer');
  return textOf(element.shadowRoot!.querySelector('[part="access"]'));
}

for (const width of WIDTHS) {
  describe(`the "Pay your bill" form at ${width}px`, () => {
    let element: PayPortal | undefined;
    before(() => useWidth(width));
    afterEach(() => {
      element?.remove();
      history.replaceState(null, '', location.pathname + location.search);
    });

    it('answers a known and an unknown email alike, and sends one link to the known one', async () => {
      const fixture = await portalFixture('zero');
      const slug = `lagoon-${width}-${Date.now().toString(36)}`;
      await staff(fixture.link, 'PATCH', '/v1/settings', { slug });
      element = document.createElement('pay-portal');
      element.setAttribute('api-base', fixture.apiBase);
      element.setAttribute('locale', 'en-US');
      element.setAttribute('business', slug);
      document.body.append(element);
      await until(() => element!.shadowRoot?.querySelector('[part="access"]') !== null, 'the form');
      expect(textOf($(element, '#access-title'))).to.equal('Pay your bill · Blue Lagoon Pools');
      expect(await axeViolations(element)).to.deep.equal([]);

      // Not an email or a number: said at the field, nothing asked of the server.
      const input = $(element, 'input[name="contact"]') as HTMLInputElement;
      input.value = 'dana';
      input.dispatchEvent(new Event('input'));
      $(element, '[part="access-button"]').click();
      await element.updateComplete;
      expect(textOf($(element, '#access-error'))).to.equal(
        'Enter an email address or a mobile number.',
      );

      const known = await ask(element, 'dana@example.com');
      expect(known).to.contain('If we have your details, a link is on its way.');
      $(element, '[part="access"] .link-button').click();
      await element.updateComplete;
      const unknown = await ask(element, 'stranger@example.com');
      expect(unknown).to.equal(known);

      const outbox = (await staff(fixture.link, 'GET', '/v1/outbox?kind=portal_access')) as {
        data: { to: string }[];
      };
      expect(outbox.data.map((message) => message.to)).to.deep.equal(['dana@example.com']);
    });

    it('opens the portal at once with #token=… in the page URL', async () => {
      const fixture = await portalFixture('outstanding');
      history.replaceState(null, '', `#token=${fixture.token}`);
      element = await mount({ apiBase: fixture.apiBase, token: '' }, { locale: 'en-US' });
      expect(element.token).to.equal(fixture.token);
      expect(element.shadowRoot!.querySelector('[part="balance"]')).to.not.equal(null);
    });
  });
}
