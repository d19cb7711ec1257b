/**
 * "Account statement" on a customer link (issue 11): a period (the last 90 days by default) and
 * a download that the real server answers with the statement PDF; not on an invoice link (it does
 * not speak for the account). axe-clean at 375 and 1280 px.
 */
import { expect } from '@open-wc/testing';
import type { PayPortal } from '../../widget/index.ts';
import {
  $,
  $$,
  axeViolations,
  mount,
  portalFixture,
  textOf,
  useWidth,
  WIDTHS,
} from './support/portal.ts';

const localDay = (daysAgo: number) => {
  const at = new Date();
  at.setDate(at.getDate() - daysAgo);
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
};

for (const width of WIDTHS) {
  describe(`the account statement at ${width}px`, () => {
    let element: PayPortal | undefined;
    before(() => useWidth(width));
    afterEach(() => element?.remove());

    it('offers the last 90 days and downloads the statement PDF', async () => {
      const fixture = await portalFixture('outstanding');
      element = await mount(fixture, { locale: 'en-US' });
      const details = $(element, '[part="statement"]') as HTMLDetailsElement;
      expect(textOf(details.querySelector('summary'))).to.equal('Account statement');
      details.open = true;
      await element.updateComplete;
      const form = details.querySelector('form')!;
      const from = form.querySelector<HTMLInputElement>('input[name="from"]')!;
      const to = form.querySelector<HTMLInputElement>('input[name="to"]')!;
      expect(from.labels?.[0] && textOf(from.labels[0])).to.equal('From');
      expect(to.value).to.equal(localDay(0));
      expect(from.value).to.equal(localDay(89));
      expect(form.method).to.equal('get');
      expect(form.target).to.equal('_blank');
      expect(form.action).to.equal(`${fixture.apiBase}/v1/portal/${fixture.token}/statement.pdf`);
      expect(await axeViolations(element)).to.deep.equal([]);

      // What the browser would open in the new tab: the form's own query, answered by the server.
      const query = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
      const response = await fetch(`${form.action}?${query}`);
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.equal('application/pdf');
      const head = new Uint8Array(await response.arrayBuffer()).slice(0, 5);
      expect(new TextDecoder().decode(head)).to.equal('%PDF-');
    });

    it('is not on an invoice link', async () => {
      element = await mount(await portalFixture('invoice'), { locale: 'en-US' });
      expect($$(element, '[part="statement"]')).to.have.length(0);
    });
  });
}

describe('the account statement in Spanish', () => {
  it('names the period in Spanish', async () => {
    const element = await mount(await portalFixture('outstanding'), { locale: 'es' });
    const details = $(element, '[part="statement"]') as HTMLDetailsElement;
    expect(textOf(details.querySelector('summary'))).to.equal('Estado de cuenta');
    details.open = true;
    expect(textOf(details.querySelector('button'))).to.equal('Descargar estado de cuenta (PDF)');
    element.remove();
  });
});
