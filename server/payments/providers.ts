/**
 * The registry of payment providers: which ones this server uses, from configuration (the card
 * provider, `PAYMENT_PROVIDER`: the embedded sandbox by default, `stripe`, or `square`; and
 * PayPal beside it when `PAYPAL_CLIENT_ID` is set), what each needs to start, which methods each
 * takes, and so which provider a payment goes to: `paypal` to PayPal, every other method to the
 * card provider. Adding a provider is a folder of its own (./square/, ./paypal/) and one entry
 * here. Each provider is made once per app (config and database) on first use and kept.
 */
import { type PaymentMethodKind, paymentMethodsFor } from '../../shared/quote.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { conflict, unprocessable } from '../http/errors.ts';
import { handleProviderEvent } from './events.ts';
import { createPayPalClient } from './paypal/paypal-client.ts';
import { paypalTakes } from './paypal/paypal-money.ts';
import { PayPalProvider } from './paypal/paypal-provider.ts';
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
  paypal: {
    methods: PayPalProvider.methods,
    assertConfig(config) {
      needs('paypal', [
        ['PAYPAL_CLIENT_ID', config.paypal?.clientId ?? null],
        ['PAYPAL_CLIENT_SECRET', config.paypal?.clientSecret ?? null],
      ]);
      if (config.production && !config.paypal?.webhookId) {
        throw new Error(
          'PayPal needs PAYPAL_WEBHOOK_ID in production: pending captures, refunds and reversals arrive by webhook',
        );
      }
    },
    create: (config) => paypalProvider(config),
  },
};

function needs(provider: string, settings: [string, string | null][]): void {
  const missing = settings.filter(([, value]) => !value).map(([name]) => name);
  if (missing.length > 0) {
    const who = provider === 'paypal' ? 'PayPal' : `PAYMENT_PROVIDER=${provider}`;
    throw new Error(`${who} needs ${missing.join(' and ')}`);
  }
}

/** The providers this server takes payments with: the card provider, then PayPal if set up. */
export function configuredProviders(config: Config): ProviderName[] {
  return config.paypal ? [config.paymentProvider, 'paypal'] : [config.paymentProvider];
}

/**
 * What the customers of a business in `currency` may pay with, and through which provider: the
 * card provider's methods for that currency, then PayPal where it takes the currency.
 */
export function providerMethods(
  config: Config,
  currency: string,
): { type: PaymentMethodKind; provider: ProviderName }[] {
  const card = REGISTRY[config.paymentProvider].methods;
  const methods: { type: PaymentMethodKind; provider: ProviderName }[] = paymentMethodsFor(currency)
    .filter((method) => card.includes(method))
    .map((type) => ({ type, provider: config.paymentProvider }));
  if (config.paypal && paypalTakes(currency)) {
    methods.push({ type: 'paypal', provider: 'paypal' });
  }
  return methods;
}

/**
 * Refuses a configuration that cannot take payments, at start-up rather than at the first
 * customer: a provider without its keys, or the sandbox in production.
 */
export function assertPaymentConfig(config: Config): void {
  for (const name of configuredProviders(config)) REGISTRY[name].assertConfig(config);
}

export function createPaymentProvider(
  config: Config,
  db: Db,
  name: ProviderName = config.paymentProvider,
): PaymentProvider {
  REGISTRY[name].assertConfig(config);
  return REGISTRY[name].create(config, db);
}

const providers = new WeakMap<Db, WeakMap<Config, Map<ProviderName, PaymentProvider>>>();
const stripeProviders = new WeakMap<Config, StripeProvider>();
const squareProviders = new WeakMap<Config, SquareProvider>();
const paypalProviders = new WeakMap<Config, PayPalProvider>();

/** The app's card provider: made once per database and configuration. */
export function paymentProvider(config: Config, db: Db): PaymentProvider {
  return namedProvider(config, db, config.paymentProvider);
}

/**
 * The provider a payment was made with (refunds, cancels, status, reconciliation): 409
 * `provider_unavailable` when this server no longer uses it.
 */
export function providerNamed(config: Config, db: Db, name: ProviderName): PaymentProvider {
  if (!configuredProviders(config).includes(name)) {
    throw conflict(
      'provider_unavailable',
      `This payment was made with ${name}, which this server is not using.`,
    );
  }
  return namedProvider(config, db, name);
}

/** The provider a new payment by `method` goes to: PayPal for `paypal`, else the card provider. */
export function providerForMethod(
  config: Config,
  db: Db,
  method: PaymentMethodKind,
): PaymentProvider {
  if (method !== 'paypal') return paymentProvider(config, db);
  if (!config.paypal) {
    throw unprocessable('method_unavailable', 'This business does not take PayPal.', 'method');
  }
  return namedProvider(config, db, 'paypal');
}

function namedProvider(config: Config, db: Db, name: ProviderName): PaymentProvider {
  let byConfig = providers.get(db);
  if (!byConfig) {
    byConfig = new WeakMap();
    providers.set(db, byConfig);
  }
  let byName = byConfig.get(config);
  if (!byName) {
    byName = new Map();
    byConfig.set(config, byName);
  }
  let provider = byName.get(name);
  if (!provider) {
    provider = createPaymentProvider(config, db, name);
    byName.set(name, provider);
  }
  return provider;
}

/** The Stripe provider of this configuration (for the webhook), whatever provider is chosen. */
export function stripeProvider(config: Config): StripeProvider {
  let provider = stripeProviders.get(config);
  if (!provider) {
    if (!config.stripe.secretKey) throw new Error('STRIPE_SECRET_KEY is not set');
    const { secretKey, apiBase } = config.stripe;
    provider = new StripeProvider(() => createStripeClient({ secretKey, apiBase }));
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

/** The PayPal provider of this configuration (for its webhook). */
export function paypalProvider(config: Config): PayPalProvider {
  let provider = paypalProviders.get(config);
  if (!provider) {
    const paypal = config.paypal;
    if (!paypal?.clientSecret)
      throw new Error('PAYPAL_CLIENT_ID and PAYPAL_CLIENT_SECRET are not set');
    provider = new PayPalProvider(
      createPayPalClient({
        clientId: paypal.clientId,
        clientSecret: paypal.clientSecret,
        environment: paypal.environment,
        apiBase: paypal.apiBase,
      }),
      paypal.webhookId,
    );
    paypalProviders.set(config, provider);
  }
  return provider;
}
