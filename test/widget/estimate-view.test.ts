/** <pay-portal-estimate> read, declined, asked about, expired and in Spanish; axe on each step. */
import { expect } from '@open-wc/testing';
import type { PayPortalEstimate } from '../../widget/pay-portal-estimate/pay-portal-estimate.ts';
import {
  $,
  axe,
  buttons,
  decisionOf,
  estimateOnLink,
  fill,
  focusedTitle,
  inDays,
  mountEstimate,
  press,
  shadow,
} from './support/estimate-view.ts';
import { staff, textOf, until } from './support/portal-fixtures.ts';

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
      'Pool resurfacing 1 × $4,800.00 · plus 8.25% tax ($396.00) $4,800.00',
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
});
