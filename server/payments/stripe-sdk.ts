/**
 * Stripe's SDK, loaded when first needed (issue 13): it is a fifth of a started server's memory,
 * which a server that has taken no payment and checked no Stripe event yet need not hold.
 *
 * Loaded with `import()`, not `require()`: the package ships an ES build and a CommonJS build,
 * and a `require()` here would load the CommonJS one, whose error classes are not the ES build's
 * (`instanceof Stripe.errors.StripeCardError` would fail against errors made by the other).
 */
import type StripeSdk from 'stripe';

let loading: Promise<typeof StripeSdk> | null = null;

export function stripeSdk(): Promise<typeof StripeSdk> {
  loading ??= import('stripe').then((module) => module.default);
  return loading;
}
