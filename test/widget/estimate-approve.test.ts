/** Approving in <pay-portal-estimate>: typed, drawn (signature_pad loaded then), keyboard alone. */
import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { PayPortalEstimate } from '../../widget/pay-portal-estimate/pay-portal-estimate.ts';
import {
  $,
  axe,
  button,
  buttons,
  decisionOf,
  estimateOnLink,
  fill,
  focusedTitle,
  mountEstimate,
  press,
  shadow,
} from './support/estimate-view.ts';
import { textOf, until } from './support/portal-fixtures.ts';

describe('<pay-portal-estimate>', () => {
  let element: PayPortalEstimate | undefined;
  afterEach(() => element?.remove());

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
