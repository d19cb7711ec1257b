/**
 * Words that are true (issue 11), in Chromium against the real server: paying an invoice staff
 * voided meanwhile says the business cancelled it and nothing was charged; a page the business
 * has not allowed says it is not set up to show payments (and `pay-portal-error` says
 * `origin_not_allowed`), not that the connection failed. English and Spanish; axe clean.
 */
import { expect } from '@open-wc/testing';
import type { PayPortal } from '../../widget/index.ts';
import { formReady, pay } from './support/paying.ts';
import {
  $,
  $$,
  axeViolations,
  field,
  mount,
  portalFixture,
  settle,
  staff,
  textOf,
  type,
  until,
} from './support/portal.ts';

describe('words that are true', () => {
  let element: PayPortal | undefined;
  afterEach(() => element?.remove());

  for (const [locale, words, labels] of [
    [
      'en-US',
      'This invoice was cancelled by Blue Lagoon Pools; nothing was charged.',
      ['Card number', 'Expiry (MM/YY)'],
    ],
    [
      'es',
      'Blue Lagoon Pools canceló esta factura; no se realizó ningún cargo.',
      ['Número de tarjeta', 'Vencimiento (MM/AA)'],
    ],
  ] as const) {
    it(`paying an invoice voided meanwhile: cancelled, nothing charged (${locale})`, async () => {
      const fixture = await portalFixture('invoice');
      element = await mount(fixture, { locale });
      await until(() => Boolean(element!.shadowRoot!.querySelector('pay-portal-invoice')));
      const invoice = element.shadowRoot!.querySelector('pay-portal-invoice')!.invoiceId;
      await staff(fixture.link, 'POST', `/v1/invoices/${invoice}/void`);
      await formReady(element);
      await type(element, field(element, labels[0]), '4242 4242 4242 4242');
      await type(element, field(element, labels[1]), '12/34');
      await type(element, field(element, 'CVC'), '123');
      await pay(element);
      await until(() => textOf($(element!, '#pay-notice')) !== '', 'the notice');
      expect(textOf($(element, '#pay-notice'))).to.equal(words);
      const payments = (await staff(fixture.link, 'GET', '/v1/payments')) as { data: unknown[] };
      expect(payments.data).to.deep.equal([]);
    });
  }

  for (const [locale, title] of [
    ['en-US', 'This page is not set up to show payments'],
    ['es', 'Esta página no está configurada para mostrar pagos'],
  ] as const) {
    it(`a page the business has not allowed says so (${locale})`, async () => {
      const fixture = await portalFixture('outstanding');
      await staff(fixture.link, 'PATCH', '/v1/settings', {
        allowed_origins: ['https://shop.example'],
      });
      element = document.createElement('pay-portal');
      element.setAttribute('api-base', fixture.apiBase);
      element.setAttribute('locale', locale);
      element.setAttribute('token', fixture.token);
      const settled = settle(element);
      document.body.append(element);
      const event = await settled;
      await element.updateComplete;
      expect(event.type).to.equal('pay-portal-error');
      expect(event.detail.code).to.equal('origin_not_allowed');
      expect(textOf($(element, '[part="notice"] h2'))).to.equal(title);
      expect(textOf($(element, '[part="notice"]'))).not.to.match(/connection|conexión/);
      // Trying again would not help: no "Try again".
      expect($$(element, '[part="retry-button"]')).to.deep.equal([]);
      expect(await axeViolations(element)).to.deep.equal([]);
    });
  }
});
