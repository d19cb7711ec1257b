/**
 * <pay-portal-estimate> in Chromium against the real server: the estimate as the customer reads
 * it, approving with a typed and a drawn signature (signature_pad loaded only then), declining,
 * asking a question, an expired estimate, Spanish, the keyboard, and axe on every step.
 */
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../widget/pay-portal-estimate/define.ts';
import type { PortalEstimate } from '../../shared/api/portal.ts';
import type { PayPortalEstimate } from '../../widget/pay-portal-estimate/pay-portal-estimate.ts';
import {
  axeViolations,
  type Fixture,
  portalFixture,
  staff,
  textOf,
  until,
} from './support/portal-fixtures.ts';

function inDays(days: number) {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

interface Setup {
  fixture: Fixture;
  estimate: PortalEstimate;
}

/** A customer link and an estimate on it, made through the staff API; as the portal lists it. */
async function estimateOnLink(extra: Record<string, unknown> = {}): Promise<Setup> {
  const fixture = await portalFixture('zero');
  const link = (await staff(fixture.link, 'GET', `/v1/payment_links/${fixture.link}`)) as {
    customer: string;
  };
  const created = (await staff(fixture.link, 'POST', '/v1/estimates', {
    customer: link.customer,
    lines: [
      { description: 'Pool resurfacing', quantity: 1, unit_amount: 480_000, tax_rate: 825 },
      { description: 'Waterline tiles', quantity: 12, unit_amount: 1_850 },
    ],
    valid_until: inDays(30),
    deposit_percent: 20,
    terms: 'Work starts within two weeks of approval.',
    ...extra,
  })) as { id: string };
  const portal = await (await fetch(`${fixture.apiBase}/v1/portal/${fixture.token}`)).json();
  const estimate = (portal.estimates as PortalEstimate[]).find((e) => e.id === created.id)!;
  return { fixture, estimate };
}

async function mountEstimate(setup: Setup, locale = 'en-US', estimate = setup.estimate) {
  const element = document.createElement('pay-portal-estimate');
  element.estimate = estimate;
  element.apiBase = setup.fixture.apiBase;
  element.token = setup.fixture.token;
  element.locale = locale;
  element.currency = 'usd';
  element.businessName = 'Blue Lagoon Pools';
  document.body.append(element);
  await element.updateComplete;
  return element;
}

const shadow = (element: PayPortalEstimate) => element.shadowRoot!;
const $ = (element: PayPortalEstimate, selector: string) =>
  shadow(element).querySelector<HTMLElement>(selector);
const button = (element: PayPortalEstimate, name: string) => {
  const found = [...shadow(element).querySelectorAll('button')].find((b) => textOf(b) === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
};
const buttons = (element: PayPortalEstimate) =>
  [...shadow(element).querySelectorAll('button')].map((b) => textOf(b));
async function press(element: PayPortalEstimate, name: string) {
  button(element, name).click();
  await element.updateComplete;
}
async function fill(element: PayPortalEstimate, selector: string, value: string) {
  const input = $(element, selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await element.updateComplete;
}
const focusedTitle = (element: PayPortalEstimate) =>
  textOf(shadow(element).activeElement as HTMLElement | null);
const axe = (element: PayPortalEstimate) => axeViolations(element as never);

async function decisionOf(setup: Setup) {
  return (await staff(setup.fixture.link, 'GET', `/v1/estimates/${setup.estimate.id}`)) as {
    status: string;
    decision: {
      decision: string;
      reason: string | null;
      signature: { type: string; name: string | null } | null;
    } | null;
  };
}

describe('<pay-portal-estimate>', () => {
  let element: PayPortalEstimate | undefined;
  afterEach(() => element?.remove());

  it('shows number, dates, lines, subtotal, tax, total, deposit and terms', async () => {
    const setup = await estimateOnLink();
    element = await mountEstimate(setup);
    const heading = $(element, '[role="heading"]')!;
    expect(textOf(heading)).to.equal(`Estimate ${setup.estimate.number}`);
    expect(heading.getAttribute('aria-level')).to.equal('3');
    expect(textOf($(element, '.meta'))).to.match(/^Date \w{3} \d{1,2}, \d{4} Valid until .+ PDF$/);
    const rows = [...shadow(element).querySelectorAll('tbody tr')].map((row) =>
      textOf(row as HTMLElement),
    );
    expect(rows).to.deep.equal([
      'Pool resurfacing 1 × $4,800.00 · incl. 8.25% tax $4,800.00',
      'Waterline tiles 12 × $18.50 $222.00',
    ]);
    expect(textOf($(element, '[part="totals"]'))).to.equal(
      'Subtotal $5,022.00 Tax $396.00 Total $5,418.00',
    );
    expect(textOf($(element, '[part="deposit"]'))).to.equal('Deposit due on approval $1,083.60');
    expect(textOf($(element, '[part="terms"]'))).to.equal(
      'Terms Work starts within two weeks of approval.',
    );
    expect(buttons(element)).to.deep.equal(['Approve', 'Decline', 'Ask a question']);
    const pdf = $(element, 'a') as HTMLAnchorElement;
    expect(pdf.getAttribute('aria-label')).to.equal(
      `Download PDF of estimate ${setup.estimate.number}`,
    );
    expect((await fetch(pdf.href)).headers.get('content-type')).to.equal('application/pdf');
    expect(await axe(element)).to.deep.equal([]);
  });

  it('approves with a typed name after review, then asks for the deposit', async () => {
    const setup = await estimateOnLink();
    element = await mountEstimate(setup);
    await press(element, 'Approve');
    expect(focusedTitle(element)).to.equal('Review before you approve');
    expect(textOf($(element, '.estimate .estimate'))).to.contain(
      `You are approving estimate ${setup.estimate.number} for a total of $5,418.00.`,
    );
    expect(await axe(element)).to.deep.equal([]);
    await press(element, 'Continue to sign');
    expect(focusedTitle(element)).to.equal('Sign to approve');
    expect(await axe(element)).to.deep.equal([]);

    await press(element, 'Approve and sign');
    await until(() => shadow(element!).activeElement?.id === 'name', 'focus on the name');
    expect(textOf($(element, '#field-error'))).to.equal('Type your full name to sign.');
    expect($(element, '#name')!.getAttribute('aria-invalid')).to.equal('true');
    expect((await decisionOf(setup)).status).to.equal('pending');

    await fill(element, '#name', 'Dana Diaz');
    const deposit = new Promise<CustomEvent>((resolve) =>
      document.addEventListener('pay-portal-deposit', (e) => resolve(e as CustomEvent), {
        once: true,
      }),
    );
    await press(element, 'Approve and sign');
    expect((await deposit).detail).to.deep.equal({
      estimate: setup.estimate.id,
      amount: 108_360,
      currency: 'usd',
    });
    await until(
      () => focusedTitle(element!) === 'Thank you! The estimate is approved.',
      'approved',
    );
    expect(buttons(element)).to.deep.equal(['Pay the $1,083.60 deposit', 'Back']);
    const seen = await decisionOf(setup);
    expect(seen.status).to.equal('approved');
    expect(seen.decision?.signature).to.deep.include({ type: 'typed', name: 'Dana Diaz' });
    expect(await axe(element)).to.deep.equal([]);
  });

  it('draws a signature with the mouse; signature_pad loads only when Draw is chosen', async () => {
    const setup = await estimateOnLink({ deposit_percent: 0 });
    element = await mountEstimate(setup);
    const loaded = () =>
      performance
        .getEntriesByType('resource')
        .some((entry) => entry.name.includes('signature_pad'));
    await press(element, 'Approve');
    await press(element, 'Continue to sign');
    expect(loaded()).to.equal(false);
    const draw = [...shadow(element).querySelectorAll('label')].find(
      (label) => textOf(label) === 'Draw my signature',
    )!;
    draw.querySelector('input')!.click();
    await element.updateComplete;
    await until(() => element!.drawn.state === 'ready', 'the signature pad');
    expect(loaded()).to.equal(true);
    expect(await axe(element)).to.deep.equal([]);

    await press(element, 'Approve and sign');
    expect(textOf($(element, '#field-error'))).to.equal(
      'Sign in the box, or type your name instead.',
    );

    const box = $(element, 'canvas')!.getBoundingClientRect();
    const at = (x: number, y: number): [number, number] => [
      Math.round(box.left + x),
      Math.round(box.top + y),
    ];
    await sendMouse({ type: 'move', position: at(30, 100) });
    await sendMouse({ type: 'down' });
    for (let x = 40; x < 260; x += 20) {
      await sendMouse({ type: 'move', position: at(x, 80 + Math.round(Math.sin(x / 25) * 30)) });
    }
    await sendMouse({ type: 'up' });
    expect(element.drawn.empty).to.equal(false);
    await fill(element, '#drawn-name', 'Dana Diaz');
    let deposits = 0;
    document.addEventListener('pay-portal-deposit', () => deposits++, { once: true });
    await press(element, 'Approve and sign');
    await until(
      () => focusedTitle(element!) === 'Thank you! The estimate is approved.',
      'approved',
    );
    expect(deposits).to.equal(0);
    expect(buttons(element)).to.deep.equal(['Back']);
    expect((await decisionOf(setup)).decision?.signature).to.deep.include({
      type: 'drawn',
      name: 'Dana Diaz',
    });
  });

  it('declines with a reason', async () => {
    const setup = await estimateOnLink();
    element = await mountEstimate(setup);
    await press(element, 'Decline');
    expect(focusedTitle(element)).to.equal('Decline this estimate');
    await fill(element, '#reason', 'We chose a vinyl liner.');
    expect(await axe(element)).to.deep.equal([]);
    await press(element, 'Decline estimate');
    await until(() => focusedTitle(element!) === 'The estimate was declined.', 'declined');
    const seen = await decisionOf(setup);
    expect([seen.status, seen.decision?.reason]).to.deep.equal([
      'declined',
      'We chose a vinyl liner.',
    ]);
    await press(element, 'Back');
    expect(buttons(element)).to.deep.equal(['Ask a question']);
    expect(textOf($(element, '.notice'))).to.equal('You declined this estimate.');
  });

  it('sends a question and says it was sent', async () => {
    const setup = await estimateOnLink();
    element = await mountEstimate(setup);
    await press(element, 'Ask a question');
    await press(element, 'Send question');
    expect(textOf($(element, '#field-error'))).to.equal('Write your question first.');
    await fill(element, '#message', 'Does this include draining the pool?');
    await press(element, 'Send question');
    await until(() => focusedTitle(element!) === 'Your question was sent.', 'sent');
    expect(textOf($(element, '[role="status"]'))).to.contain(
      'Blue Lagoon Pools will reply to you directly.',
    );
    const questions = (await staff(
      setup.fixture.link,
      'GET',
      `/v1/estimates/${setup.estimate.id}/questions`,
    )) as { data: { message: string }[] };
    expect(questions.data.map((q) => q.message)).to.deep.equal([
      'Does this include draining the pool?',
    ]);
    expect(await axe(element)).to.deep.equal([]);
  });

  it('says an expired estimate can no longer be approved, and still takes questions', async () => {
    const setup = await estimateOnLink();
    const expired = { ...setup.estimate, expired: true, valid_until: inDays(-3) };
    element = await mountEstimate(setup, 'en-US', expired);
    expect(textOf($(element, '.notice'))).to.match(
      /^This estimate expired on .+ and can no longer be approved\. You can still ask a question\.$/,
    );
    expect(buttons(element)).to.deep.equal(['Ask a question']);
    expect(await axe(element)).to.deep.equal([]);
  });

  it('speaks Spanish', async () => {
    const setup = await estimateOnLink();
    element = await mountEstimate(setup, 'es-MX');
    expect(buttons(element)).to.deep.equal(['Aprobar', 'Rechazar', 'Hacer una pregunta']);
    expect(textOf($(element, '[part="deposit"]'))).to.match(/^Depósito al aprobar USD\s1,083\.60$/);
    await press(element, 'Aprobar');
    expect(focusedTitle(element)).to.equal('Revise antes de aprobar');
    expect(await axe(element)).to.deep.equal([]);
  });

  it('is used with the keyboard alone', async () => {
    const setup = await estimateOnLink();
    element = await mountEstimate(setup);
    button(element, 'Approve').focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(focusedTitle(element)).to.equal('Review before you approve');
    await sendKeys({ press: 'Tab' });
    expect(textOf(shadow(element).activeElement as HTMLElement)).to.equal('Continue to sign');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(shadow(element).activeElement?.id).to.equal('name');
    await sendKeys({ type: 'Dana Diaz' });
    await sendKeys({ press: 'Enter' });
    await until(
      () => focusedTitle(element!) === 'Thank you! The estimate is approved.',
      'approved',
    );
    expect((await decisionOf(setup)).decision?.signature?.name).to.equal('Dana Diaz');
  });
});
