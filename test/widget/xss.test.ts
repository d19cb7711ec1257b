/**
 * Business-supplied text (business name, address, customer name, charge and line descriptions,
 * invoice numbers) is shown as text: script and markup payloads are seen, literally, and never run.
 */
import { expect } from '@open-wc/testing';
import type { PayPortal } from '../../widget/index.ts';
import { XSS } from './support/payloads.ts';
import {
  $,
  $$,
  axeViolations,
  click,
  mount,
  portalFixture,
  root,
  textOf,
  until,
} from './support/portal.ts';

describe('business-supplied text is never markup', () => {
  let element: PayPortal | undefined;
  afterEach(() => element?.remove());

  it('shows every payload literally and runs none', async () => {
    window.__xss = 0;
    element = await mount(await portalFixture('xss'), { locale: 'en' });
    await click(element, $(element, '.expander'));
    await until(() => $$(element!, '.charge').length > 0, 'the recent charges');
    await new Promise((resolve) => setTimeout(resolve, 200)); // an onerror would have fired
    expect(window.__xss).to.equal(0);
    expect(textOf($(element, '.business-name'))).to.equal(`Blue ${XSS.script} Lagoon ${XSS.img}`);
    expect(textOf($(element, '.greeting'))).to.equal(`Hi Dana ${XSS.img},`);
    expect(textOf($(element, '[part="contact"]'))).to.contain(`12 Main St ${XSS.img}`);
    expect(textOf($(element, '[part="invoices"] .row-title'))).to.equal(`Invoice INV-${XSS.img}`);
    const charges = $$(element, '.charge-description').map(textOf);
    expect(charges).to.include(`Chemicals ${XSS.img}`);
    expect(charges).to.include(`Pool ${XSS.script}`);
    expect(textOf($(element, '#sms-consent'))).to.contain(`from Blue ${XSS.script} Lagoon`);
    // No element came out of the payloads: the only images are none, no script at all.
    expect(root(element).querySelectorAll('script, img, [onerror]')).to.have.length(0);
    expect(await axeViolations(element)).to.deep.equal([]);
  });
});
