/**
 * The Square form's other ways to pay, against the real server running the Square provider over
 * the Square stand-in, with a stand-in for Square's Web Payments SDK (tests only): a card whose
 * bank asks for verification (verifyBuyer's token reaches Square's CreatePayment; a failed check
 * charges nothing), Apple Pay and Google Pay buttons where Square offers them (none where it
 * throws), and an ACH bank transfer where the seller takes ACH (processing until Square says it
 * completed), or a plain word where it does not.
 */
import { expect } from '@open-wc/testing';
import type { PayPortal } from '../../widget/index.ts';
import { confirmation, pay, totals } from './support/paying.ts';
import {
  $$,
  axeViolations,
  click,
  mount,
  portalFixture,
  squareJs,
  staff,
  textOf,
  until,
} from './support/portal.ts';
import { installSquareStandIn, type SquareStandIn } from './support/square-stand-in.ts';

const SCA = '4310000000201019';

describe('the Square form’s other ways to pay', () => {
  let stand: SquareStandIn;
  let element: PayPortal | undefined;
  before(() => {
    stand = installSquareStandIn();
  });
  beforeEach(() => stand.reset());
  afterEach(() => element?.remove());

  async function opened() {
    const fixture = await portalFixture('outstanding', undefined, 'square');
    element = await mount(fixture, { locale: 'en-US' });
    await until(() => stand.attached.length === 1, "Square's card form");
    await new Promise((resolve) => setTimeout(resolve, 50));
    await element.updateComplete;
    return fixture;
  }
  const payments = async (link: string) =>
    ((await staff(link, 'GET', '/v1/payments')) as { data: { status: string; method: string }[] })
      .data;
  const chooseBank = async () => {
    const chip = $$(element!, '.chip').find((c) => textOf(c).startsWith('Bank account'))!;
    await click(element!, chip.querySelector('input')!);
  };

  it('a card whose bank asks for verification: verifyBuyer’s token goes with it to Square', async () => {
    await opened();
    stand.card = SCA;
    await pay(element!);
    expect(await confirmation(element!)).to.contain('Amount $149.12');
    expect(stand.verifications).to.have.length(1);
    expect(stand.verifications[0]).to.deep.include({
      amount: '149.12',
      currencyCode: 'USD',
      intent: 'CHARGE',
      customerInitiated: true,
    });
    const creates = await squareJs<{ source_id: string; verification_token?: string }[]>({
      op: 'creates',
    });
    // Other test files pay through the same Square stand-in at the same time: find ours.
    const ours = creates.filter((create) => create.source_id === stand.tokens.at(-1));
    expect(ours).to.have.length(1);
    expect(ours[0]!.verification_token).to.match(/^verf:/);
  });

  it('a bank check the customer does not pass: said, and nothing is made or charged', async () => {
    const fixture = await opened();
    stand.card = SCA;
    stand.verify = 'fail';
    await pay(element!);
    const alert = $$(element!, '[part="payment-form"] [role="alert"]')[0];
    expect(textOf(alert ?? null)).to.equal(
      "Your bank couldn't verify this card, so nothing was charged. Try again, or use another card.",
    );
    expect(await payments(fixture.link)).to.deep.equal([]);
    stand.verify = 'pass';
    await pay(element!);
    expect(await confirmation(element!)).to.contain('Amount $149.12');
  });

  it('no wallet buttons where Square offers none', async () => {
    await opened();
    expect(
      element!.paymentFormHost.querySelector('.square-wallets')!.hasAttribute('hidden'),
    ).to.equal(true);
  });

  it('Google Pay where Square offers it: its sheet shows the total, and it pays as its card', async () => {
    stand.wallets.googlePay = true;
    await opened();
    const wallets = element!.paymentFormHost.querySelector<HTMLElement>('.square-wallets')!;
    await until(() => !wallets.hidden, 'the wallet buttons');
    expect(textOf(wallets)).to.contain('Or pay with');
    expect(wallets.querySelector('.square-apple-pay')).to.equal(null);
    stand.walletCard = '4000056655665556';
    wallets.querySelector<HTMLButtonElement>('.square-google-pay button')!.click();
    await until(() => stand.walletTotals.length === 1, 'the Google Pay sheet');
    expect(stand.walletTotals).to.deep.equal(['149.12']);
    // A debit card in the wallet: no card fee, the new total to accept, then paid by the wallet.
    await until(() => $$(element!, '.fee-change').length > 0, 'the new total');
    wallets.querySelector<HTMLButtonElement>('.square-google-pay button')!.click();
    expect(await confirmation(element!)).to.contain('Amount $144.49');
    expect(stand.verifications).to.have.length(0);
  });

  it('an Apple Pay button where Square offers Apple Pay, named for screen readers', async () => {
    stand.wallets.applePay = true;
    await opened();
    const button = element!.paymentFormHost.querySelector<HTMLButtonElement>('.square-apple-pay');
    await until(
      () => button !== null || !!element!.paymentFormHost.querySelector('.square-apple-pay'),
      'Apple Pay',
    );
    const apple = element!.paymentFormHost.querySelector<HTMLButtonElement>('.square-apple-pay')!;
    expect(apple.getAttribute('aria-label')).to.equal('Pay with Apple Pay');
    apple.click();
    expect(await confirmation(element!)).to.contain('Amount $149.12');
  });

  it('an ACH bank transfer where the seller takes it: the bank’s total, processing until it lands', async () => {
    const fixture = await opened();
    stand.ach = true;
    element!.remove();
    element = await mount(fixture, { locale: 'en-US' });
    await until(() => stand.attached.length === 2, "Square's card form");
    await chooseBank();
    expect(textOf($$(element!, '[part="payment-form"] .form-status')[0] ?? null)).to.contain(
      "Square's secure window (Plaid)",
    );
    expect(totals(element!)).to.equal('Subtotal $144.49 Total $144.49');
    await pay(element!);
    await confirmation(element!);
    expect(stand.achAsked[0]).to.deep.include({
      amount: '144.49',
      currency: 'USD',
      intent: 'CHARGE',
    });
    expect((await payments(fixture.link)).map((p) => [p.status, p.method])).to.deep.equal([
      ['processing', 'us_bank_account'],
    ]);
    expect(await axeViolations(element!)).to.deep.equal([]);
  });

  it('a seller without ACH: choosing a bank account says so, and nothing is made', async () => {
    const fixture = await opened();
    await chooseBank();
    expect(textOf($$(element!, '[part="payment-form"] .form-status')[0] ?? null)).to.equal(
      "Bank transfers aren't available for this business. Please choose Card.",
    );
    await pay(element!);
    expect(await payments(fixture.link)).to.deep.equal([]);
  });
});
