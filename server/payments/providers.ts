/**
 * The registry of payment providers: which one this server uses, from configuration
 * (`PAYMENT_PROVIDER`: the embedded sandbox by default, `stripe`, or `square`), what each needs to
 * start, and what the portal tells the element about it. Adding a provider is a folder of its
 * own (./square/) and one entry here. One provider per app (config and database), made on first
 * use and kept.
 */
import { type PaymentMethodKind, paymentMethodsFor } from '../../shared/quote.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { handleProviderEvent } from './events.ts';
import type { PaymentProvider, ProviderName } from './provider.ts';
import { assertSandboxAllowed, SandboxProvider } from './sandbox.ts';
import { createSquareClient, SquareProvider } from './square/square-provider.ts';
import { createStripeClient, StripeProvider } from './stripe-provider.ts';

interface ProviderEntry {
  /** The methods its form takes (the business's currency may narrow them: shared/quote.ts). */
  methods: readonly PaymentMethodKind[];
  /** Refuses, at start-up, a configuration that cannot take payments with this provider. */
  assertConfig(config: Config): void;
  create(config: Config, db: Db): PaymentProvider;
}

const REGISTRY: Record<ProviderName, ProviderEntry> = {
  sandbox: {
    methods: ['card', 'us_bank_account'],
    assertConfig: assertSandboxAllowed,
    create: (config, db) =>
      new SandboxProvider(db, (event) => handleProviderEvent(db, event), config),
  },
  stripe: {
    methods: ['card', 'us_bank_account'],
    assertConfig(config) {
      needs('stripe', [
        ['STRIPE_SECRET_KEY', config.stripe.secretKey],
        ['STRIPE_PUBLISHABLE_KEY', config.stripe.publishableKey],
      ]);
      if (config.production && !config.stripe.webhookSecret) {
        throw new Error(
          'PAYMENT_PROVIDER=stripe needs STRIPE_WEBHOOK_SECRET in production: payments are recorded from its webhooks',
        );
      }
    },
    create: (config) => stripeProvider(config),
  },
  square: {
    methods: SquareProvider.methods,
    assertConfig(config) {
      needs('square', [
        ['SQUARE_ACCESS_TOKEN', config.square.accessToken],
        ['SQUARE_APPLICATION_ID', config.square.applicationId],
        ['SQUARE_LOCATION_ID', config.square.locationId],
      ]);
      if (config.production && !config.square.webhookSignatureKey) {
        throw new Error(
          'PAYMENT_PROVIDER=square needs SQUARE_WEBHOOK_SIGNATURE_KEY in production: refunds and late outcomes arrive by webhook',
        );
      }
    },
    create: (config) => squareProvider(config),
  },
};

function needs(provider: string, settings: [string, string | null][]): void {
  const missing = settings.filter(([, value]) => !value).map(([name]) => name);
  if (missing.length > 0) {
    throw new Error(`PAYMENT_PROVIDER=${provider} needs ${missing.join(' and ')}`);
  }
}

/** What the customers of a business in `currency` may pay with, through this server's provider. */
export function providerMethods(config: Config, currency: string): PaymentMethodKind[] {
  const offered = REGISTRY[config.paymentProvider].methods;
  return paymentMethodsFor(currency).filter((method) => offered.includes(method));
}

/**
 * Refuses a configuration that cannot take payments, at start-up rather than at the first
 * customer: a provider without its keys, or the sandbox in production.
 */
export function assertPaymentConfig(config: Config): void {
  REGISTRY[config.paymentProvider].assertConfig(config);
}

export function createPaymentProvider(config: Config, db: Db): PaymentProvider {
  assertPaymentConfig(config);
  return REGISTRY[config.paymentProvider].create(config, db);
}

const providers = new WeakMap<Db, WeakMap<Config, PaymentProvider>>();
const stripeProviders = new WeakMap<Config, StripeProvider>();
const squareProviders = new WeakMap<Config, SquareProvider>();

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

/** The Square provider of this configuration (for its webhook). */
export function squareProvider(config: Config): SquareProvider {
  let provider = squareProviders.get(config);
  if (!provider) {
    const { accessToken, locationId, environment, apiBase } = config.square;
    if (!accessToken || !locationId) throw new Error('SQUARE_ACCESS_TOKEN is not set');
    provider = new SquareProvider(
      createSquareClient({ accessToken, locationId, environment, apiBase }),
      locationId,
    );
    squareProviders.set(config, provider);
  }
  return provider;
}
