/** Configuration from the environment; the names and defaults are in docs/configuration.md. */

import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout (or the installed app), ending in a separator: the nearest folder above this file
 * that holds package.json. The same from server/ under tsx and from dist/server/ once compiled
 * (docs/deployment.md), so dist/widget, dist/demo and demo/examples are found either way.
 */
export const APP_ROOT = appRoot(dirname(fileURLToPath(import.meta.url)));

function appRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return `${dir}${sep}`;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

export interface Config {
  port: number;
  databaseUrl: string;
  /** Where customers reach the server; links are built from it, never from a request's Host. */
  publicUrl: string;
  production: boolean;
  demo: boolean;
  paymentProvider: 'sandbox' | 'stripe' | 'square';
  stripe: {
    secretKey: string | null;
    publishableKey: string | null;
    webhookSecret: string | null;
    /** Another address for Stripe's API (tests point it at a local stand-in); null: Stripe's. */
    apiBase: string | null;
  };
  /** Square (`PAYMENT_PROVIDER=square`): docs/configuration.md. */
  square: {
    accessToken: string | null;
    applicationId: string | null;
    locationId: string | null;
    webhookSignatureKey: string | null;
    /** `sandbox` (default outside production) or `production`. */
    environment: 'sandbox' | 'production';
    /** Another address for Square's API (tests point it at a local stand-in); null: Square's. */
    apiBase: string | null;
  };
  /**
   * PayPal (and Venmo), offered beside the card provider when PAYPAL_CLIENT_ID is set
   * (docs/configuration.md); null when it is not.
   */
  paypal: {
    clientId: string;
    clientSecret: string | null;
    webhookId: string | null;
    /** `sandbox` (default outside production) or `live`. */
    environment: 'sandbox' | 'live';
    /** Another address for PayPal's REST API (tests point it at a local stand-in); null: PayPal's. */
    apiBase: string | null;
  } | null;
  smtpUrl: string | null;
  /** Texts (docs/texts.md): `outbox` keeps them for staff to read, `twilio` sends them. */
  sms: {
    provider: 'outbox' | 'twilio';
    twilio: {
      accountSid: string | null;
      authToken: string | null;
      from: string | null;
      messagingServiceSid: string | null;
      /** Another address for Twilio's API (tests point it at a local stand-in); null: Twilio's. */
      apiBase: string | null;
    };
  };
  /** Seals link tokens so staff can show a link again; the database alone cannot reveal them. */
  appSecret: string;
  /** Take the client address from X-Forwarded-For (only behind a proxy you run). */
  trustProxy: boolean;
  rateLimit: {
    portalPerMinute: number;
    misses: number;
    missWindowSeconds: number;
    /**
     * Where the counts live (server/http/rate-windows.ts): unset, the process's memory on SQLite
     * and the `rate_limits` table on PostgreSQL.
     */
    store?: 'memory' | 'database';
  };
  logLevel: string;
  /**
   * Webhooks out (docs/webhooks.md): `allowPrivateNetworks` lets endpoints on loopback and private
   * addresses through, for a receiver on a developer's machine; refused in production.
   */
  webhooks: { allowPrivateNetworks: boolean };
}

const DEFAULT_SQLITE = './data/pay-portal.sqlite';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 8787);
  const databaseUrl = env.DATABASE_URL || DEFAULT_SQLITE;
  const provider = env.PAYMENT_PROVIDER ?? 'sandbox';
  if (provider !== 'sandbox' && provider !== 'stripe' && provider !== 'square') {
    throw new Error(`PAYMENT_PROVIDER must be "sandbox", "stripe" or "square", not "${provider}"`);
  }
  const squareEnvironment = env.SQUARE_ENVIRONMENT ?? (production ? 'production' : 'sandbox');
  if (squareEnvironment !== 'sandbox' && squareEnvironment !== 'production') {
    throw new Error(
      `SQUARE_ENVIRONMENT must be "sandbox" or "production", not "${squareEnvironment}"`,
    );
  }
  const paypalEnvironment = env.PAYPAL_ENVIRONMENT || (production ? 'live' : 'sandbox');
  if (paypalEnvironment !== 'sandbox' && paypalEnvironment !== 'live') {
    throw new Error(`PAYPAL_ENVIRONMENT must be "sandbox" or "live", not "${paypalEnvironment}"`);
  }
  const smsProvider = env.SMS_PROVIDER || 'outbox';
  if (smsProvider !== 'outbox' && smsProvider !== 'twilio') {
    throw new Error(`SMS_PROVIDER must be "outbox" or "twilio", not "${smsProvider}"`);
  }
  if (production && !env.PUBLIC_URL)
    throw new Error('PUBLIC_URL is required when NODE_ENV=production');
  if (production && !env.APP_SECRET)
    throw new Error('APP_SECRET is required when NODE_ENV=production');
  // The sandbox takes test cards as money: a production server takes real payments or none.
  if (production && provider === 'sandbox') {
    throw new Error(
      'PAYMENT_PROVIDER=sandbox is refused when NODE_ENV=production: set PAYMENT_PROVIDER=stripe and the Stripe keys',
    );
  }
  const allowPrivate = env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS;
  const allowPrivateNetworks = allowPrivate === 'true' || allowPrivate === '1';
  if (production && allowPrivateNetworks) {
    throw new Error('WEBHOOKS_ALLOW_PRIVATE_NETWORKS is refused when NODE_ENV=production');
  }
  return {
    port,
    databaseUrl,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    production,
    demo: env.DEMO ? env.DEMO === 'true' || env.DEMO === '1' : !production,
    paymentProvider: provider,
    stripe: {
      secretKey: env.STRIPE_SECRET_KEY ?? null,
      publishableKey: env.STRIPE_PUBLISHABLE_KEY ?? null,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? null,
      apiBase: env.STRIPE_API_BASE || null,
    },
    square: {
      accessToken: env.SQUARE_ACCESS_TOKEN ?? null,
      applicationId: env.SQUARE_APPLICATION_ID ?? null,
      locationId: env.SQUARE_LOCATION_ID ?? null,
      webhookSignatureKey: env.SQUARE_WEBHOOK_SIGNATURE_KEY ?? null,
      environment: squareEnvironment,
      apiBase: env.SQUARE_API_BASE || null,
    },
    paypal: env.PAYPAL_CLIENT_ID
      ? {
          clientId: env.PAYPAL_CLIENT_ID,
          clientSecret: env.PAYPAL_CLIENT_SECRET || null,
          webhookId: env.PAYPAL_WEBHOOK_ID || null,
          environment: paypalEnvironment,
          apiBase: env.PAYPAL_API_BASE || null,
        }
      : null,
    smtpUrl: env.SMTP_URL ?? null,
    sms: {
      provider: smsProvider,
      twilio: {
        accountSid: env.TWILIO_ACCOUNT_SID || null,
        authToken: env.TWILIO_AUTH_TOKEN || null,
        from: env.TWILIO_FROM || null,
        messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID || null,
        apiBase: env.TWILIO_API_BASE || null,
      },
    },
    appSecret: env.APP_SECRET ?? localAppSecret(databaseUrl),
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    rateLimit: {
      portalPerMinute: Number(env.RATE_LIMIT_PORTAL_PER_MINUTE ?? 120),
      misses: Number(env.RATE_LIMIT_MISSES ?? 20),
      missWindowSeconds: Number(env.RATE_LIMIT_MISS_WINDOW_SECONDS ?? 600),
      ...rateLimitStore(env.RATE_LIMIT_STORE),
    },
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    webhooks: { allowPrivateNetworks },
  };
}

/**
 * Outside production, a secret kept beside the SQLite file (or in ./data for PostgreSQL), made on
 * first start, so a developer needs no set-up and links survive restarts.
 */
function localAppSecret(databaseUrl: string): string {
  const file = localDataFile(databaseUrl, 'app-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret);
  chmodSync(file, 0o600);
  return secret;
}

/**
 * A file kept beside the SQLite database (or in ./data for PostgreSQL and in-memory stores), for
 * what a developer's machine remembers between starts: the app secret, the demo's key.
 */
export function localDataFile(databaseUrl: string, name: string): string {
  const folder =
    databaseUrl.startsWith('postgres') || databaseUrl.includes(':memory:')
      ? './data'
      : dirname(databaseUrl.replace(/^sqlite:(\/\/)?/, ''));
  return `${folder}/${name}`;
}

/** RATE_LIMIT_STORE: `memory` or `database`; unset leaves the choice to the database's kind. */
function rateLimitStore(value: string | undefined): { store?: 'memory' | 'database' } {
  if (!value) return {};
  if (value !== 'memory' && value !== 'database') {
    throw new Error(`RATE_LIMIT_STORE must be "memory" or "database", not "${value}"`);
  }
  return { store: value };
}
