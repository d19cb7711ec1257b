/**
 * Which payment provider this server uses, from configuration: the embedded sandbox (default) or
 * Stripe (`PAYMENT_PROVIDER=stripe`, which needs STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY;
 * STRIPE_API_BASE points the SDK elsewhere, for tests). One provider per app (config and
 * database), made on first use and kept.
 */
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { handleProviderEvent } from './events.ts';
import type { PaymentProvider } from './provider.ts';
import { assertSandboxAllowed, SandboxProvider } from './sandbox.ts';
import { createStripeClient, StripeProvider } from './stripe-provider.ts';

/**
 * Refuses a configuration that cannot take payments, at start-up rather than at the first
 * customer: Stripe without its keys, or the sandbox in production.
 */
export function assertPaymentConfig(config: Config): void {
  if (config.paymentProvider === 'sandbox') {
    assertSandboxAllowed(config);
    return;
  }
  const missing = [
    config.stripe.secretKey ? null : 'STRIPE_SECRET_KEY',
    config.stripe.publishableKey ? null : 'STRIPE_PUBLISHABLE_KEY',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new Error(`PAYMENT_PROVIDER=stripe needs ${missing.join(' and ')}`);
  }
  if (config.production && !config.stripe.webhookSecret) {
    throw new Error(
      'PAYMENT_PROVIDER=stripe needs STRIPE_WEBHOOK_SECRET in production: payments are recorded from its webhooks',
    );
  }
}

export function createPaymentProvider(config: Config, db: Db): PaymentProvider {
  assertPaymentConfig(config);
  if (config.paymentProvider === 'stripe') return stripeProvider(config);
  return new SandboxProvider(db, (event) => handleProviderEvent(db, event), config);
}

const providers = new WeakMap<Db, WeakMap<Config, PaymentProvider>>();
const stripeProviders = new WeakMap<Config, StripeProvider>();

/** The app's provider: made once per database and configuration. */
export function paymentProvider(config: Config, db: Db): PaymentProvider {
  let byConfig = providers.get(db);
  if (!byConfig) {
    byConfig = new WeakMap();
    providers.set(db, byConfig);
  }
  let provider = byConfig.get(config);
  if (!provider) {
    provider = createPaymentProvider(config, db);
    byConfig.set(config, provider);
  }
  return provider;
}

/** The Stripe provider of this configuration (for the webhook), whatever provider is chosen. */
export function stripeProvider(config: Config): StripeProvider {
  let provider = stripeProviders.get(config);
  if (!provider) {
    if (!config.stripe.secretKey) throw new Error('STRIPE_SECRET_KEY is not set');
    provider = new StripeProvider(
      createStripeClient({ secretKey: config.stripe.secretKey, apiBase: config.stripe.apiBase }),
    );
    stripeProviders.set(config, provider);
  }
  return provider;
}
