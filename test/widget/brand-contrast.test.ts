/**
 * Brand colours of any lightness stay readable (issue 11): at a light yellow (#facc15), a dark
 * navy (#1e3a8a) and the default blue, every text the element draws in or on the brand colour
 * reaches WCAG 2.2 AA (4.5:1), checked by axe-core and by reading the computed colours of the
 * links, the Pay button, the selected tip and the initial, at 375 and 1280 px.
 */
import { expect } from '@open-wc/testing';
import { contrast, parseHex } from '../../shared/contrast.ts';
import type { PayPortal } from '../../widget/index.ts';
import { formReady } from './support/paying.ts';
import {
  $,
  axeViolations,
  mount,
  portalFixture,
  staff,
  useWidth,
  WIDTHS,
} from './support/portal.ts';

/** `rgb(r, g, b)` as computed, to a contrast-ready triple. */
const rgb = (value: string) =>
  value
    .match(/\d+(\.\d+)?/g)!
    .slice(0, 3)
    .map(Number) as [number, number, number];
const ratioOf = (element: Element, background?: string) => {
  const style = getComputedStyle(element);
  return contrast(
    rgb(style.color),
    background ? parseHex(background)! : rgb(style.backgroundColor),
  );
};

const COLOURS = [
  ['light yellow', '#facc15'],
  ['dark navy', '#1e3a8a'],
  ['the default blue', null],
] as const;

for (const width of WIDTHS) {
  for (const [name, colour] of COLOURS) {
    describe(`${name} at ${width}px`, () => {
      let element: PayPortal | undefined;
      before(() => useWidth(width));
      afterEach(() => element?.remove());

      it('keeps every text readable', async () => {
        const fixture = await portalFixture('outstanding');
        if (colour) {
          await staff(fixture.link, 'PATCH', '/v1/settings', { branding: { brand_color: colour } });
        }
        element = await mount(fixture, { locale: 'en-US' });
        await formReady(element);
        const tip = $(element, '.chip input') as HTMLInputElement;
        tip.click();
        await element.updateComplete;

        const payButton = $(element, '[part="pay-button"]');
        if (colour)
          expect(getComputedStyle(payButton).backgroundColor).to.equal(
            `rgb(${parseHex(colour)!.join(', ')})`,
          );
        expect(ratioOf(payButton)).to.be.at.least(4.5);
        expect(ratioOf($(element, '.monogram'))).to.be.at.least(4.5);
        // Links and link-buttons sit on white and on the light surface.
        for (const link of [
          $(element, '[part="recent-charges"] .link-button'),
          $(element, '.footer .link-button'),
        ]) {
          expect(ratioOf(link, '#ffffff')).to.be.at.least(4.5);
          expect(ratioOf(link, '#f9fafb')).to.be.at.least(4.5);
        }
        expect(await axeViolations(element)).to.deep.equal([]);
      });
    });
  }
}
