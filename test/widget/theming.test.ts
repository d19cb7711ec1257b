/**
 * Branding and theming: the business's brand colour and logo from the portal data, the page's
 * custom properties winning over them, and ::part reaching the main blocks.
 */
import { expect } from '@open-wc/testing';
import type { PayPortal } from '../../widget/index.ts';
import { $, axeViolations, mount, portalFixture, staff, textOf, until } from './support/portal.ts';

const color = (element: HTMLElement, property = 'background-color') =>
  getComputedStyle(element).getPropertyValue(property);

describe('branding and theming', () => {
  let element: PayPortal | undefined;
  let style: HTMLStyleElement | undefined;
  afterEach(() => {
    element?.remove();
    style?.remove();
  });

  it("uses the business's brand colour and logo", async () => {
    element = await mount(await portalFixture('branded'), { locale: 'en' });
    // #0f766e
    expect(color($(element, '[part="pay-button"]'))).to.equal('rgb(15, 118, 110)');
    expect(color($(element, '[part="pay-button"]'), 'color')).to.equal('rgb(255, 255, 255)');
    const logo = $(element, 'img[part="logo"]') as HTMLImageElement;
    expect(logo.alt).to.equal('Blue Lagoon Pools');
    expect(logo.src).to.match(/\/fixtures\/logo\.svg$/);
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('shows the initial when the logo fails to load, as when there is none', async () => {
    const fixture = await portalFixture('branded');
    await staff(fixture.link, 'PATCH', '/v1/settings', {
      branding: { logo_url: 'https://127.0.0.1:1/logo.png' }, // nothing listens there
    });
    element = await mount(fixture, { locale: 'en' });
    const logo = $(element, 'img[part="logo"]') as HTMLImageElement;
    await until(() => logo.hidden, 'the broken logo set aside');
    const initial = $(element, '.monogram');
    expect(initial.hidden).to.equal(false);
    expect(getComputedStyle(logo).display).to.equal('none');
    expect(textOf(initial)).to.equal('B');
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('keeps its brand under a CSP that forbids inline style attributes', async () => {
    const csp = document.createElement('meta');
    csp.httpEquiv = 'Content-Security-Policy';
    csp.content = "style-src-attr 'none'";
    document.head.append(csp);
    const probe = document.createElement('div');
    probe.setAttribute('style', 'color: rgb(1, 2, 3)');
    document.body.append(probe);
    expect(color(probe, 'color')).to.not.equal('rgb(1, 2, 3)'); // the policy is in force
    probe.remove();
    element = await mount(await portalFixture('branded'), { locale: 'en' });
    expect(color($(element, '[part="pay-button"]'))).to.equal('rgb(15, 118, 110)');
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('lets the page override tokens and style parts', async () => {
    style = document.createElement('style');
    style.textContent = `
      pay-portal.themed { --pay-portal-brand: #7c3aed; --pay-portal-radius: 2px; --pay-portal-font: Georgia, serif; }
      pay-portal.themed::part(header) { background-color: rgb(250, 250, 240); }
    `;
    document.head.append(style);
    const parent = document.createElement('div');
    document.body.append(parent);
    const fixture = await portalFixture('branded');
    element = await mount(fixture, { locale: 'en', parent });
    element.className = 'themed';
    await element.updateComplete;
    expect(color($(element, '[part="pay-button"]'))).to.equal('rgb(124, 58, 237)');
    expect(color($(element, '[part="header"]'))).to.equal('rgb(250, 250, 240)');
    expect(color($(element, '[part="card"]'), 'border-top-left-radius')).to.equal('2px');
    expect(color($(element, '[part="card"]'), 'font-family')).to.contain('Georgia');
    parent.remove();
  });
});
