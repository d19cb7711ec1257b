/**
 * What the fake Stripe server knows and does: its objects, the API calls Pay Portal makes, and the
 * parts Stripe.js and the card networks play (a customer confirming with a test card, passing
 * 3-D Secure, a bank debit clearing). test/support/fake-stripe.ts puts it behind HTTP. Each part
 * is a class the next extends: fake-stripe-api-store.ts (the objects by id) ← -customers.ts
 * (payment methods) ← -intents.ts ← -refunds.ts (refunds, disputes) ← this file (the routes).
 */
import { FakeStripeRefunds } from './fake-stripe-api-refunds.ts';
import type { Params } from './fake-stripe-api-store.ts';
import { customer } from './fake-stripe-objects.ts';
import { KNOWN_PARAMS } from './fake-stripe-params.ts';
import { invalid, StripeApiError } from './fake-stripe-rules.ts';

export type { PayWith } from './fake-stripe-api-intents.ts';
export type { Params } from './fake-stripe-api-store.ts';

export class FakeStripeApi extends FakeStripeRefunds {
  route(method: string, path: string, params: Params): unknown {
    const [version, resource, id, action] = path.split('/').filter(Boolean);
    const call = `${method} ${resource}${id ? '/:id' : ''}${action ? `/${action}` : ''}`;
    const known = KNOWN_PARAMS[call];
    if (version === 'v1' && known) {
      const unknown = Object.keys(params).find((name) => !known.includes(name));
      if (unknown) {
        throw invalid(unknown, `Received unknown parameter: ${unknown}`, 'parameter_unknown');
      }
    }
    if (version === 'v1') {
      switch (call) {
        case 'POST payment_intents':
          return this.createIntent(params);
        case 'GET payment_intents/:id':
          return this.showIntent(this.find(this.intents, 'payment_intent', id), params.expand);
        case 'POST payment_intents/:id':
          return this.updateIntent(this.find(this.intents, 'payment_intent', id), params);
        case 'POST payment_intents/:id/confirm':
          return this.confirmIntent(this.find(this.intents, 'payment_intent', id), params);
        case 'POST payment_intents/:id/cancel':
          return this.cancelIntent(this.find(this.intents, 'payment_intent', id), params);
        case 'POST customers':
          return this.store(this.customers, customer(customerFields(params)));
        case 'GET customers/:id/payment_methods':
          return this.list(this.saved(this.find(this.customers, 'customer', id).id, params.type));
        case 'GET payment_methods':
          this.find(this.customers, 'customer', params.customer, 'customer');
          return this.list(this.saved(params.customer, params.type));
        case 'GET payment_methods/:id':
          return this.find(this.paymentMethods, 'payment_method', id);
        case 'POST payment_methods/:id/detach':
          return this.detach(this.find(this.paymentMethods, 'payment_method', id));
        case 'GET confirmation_tokens/:id':
          return this.find(this.confirmationTokens, 'confirmation_token', id);
        case 'POST refunds':
          return this.createRefund(params);
        case 'GET refunds/:id':
          return this.find(this.refunds, 'refund', id);
        case 'GET refunds':
          return this.list(
            [...this.refunds.values()].filter(
              (r) =>
                (params.charge === undefined || r.charge === params.charge) &&
                (params.payment_intent === undefined || r.payment_intent === params.payment_intent),
            ),
          );
      }
    }
    throw new StripeApiError(404, {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${method}: ${path}).`,
    });
  }
}

function customerFields(params: Params) {
  return {
    name: params.name ?? null,
    email: params.email ?? null,
    metadata: params.metadata ?? {},
  };
}
