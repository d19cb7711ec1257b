/**
 * PayPal's REST API through the official `@paypal/paypal-server-sdk`: one SDK client per
 * configuration (OAuth 2 client credentials; the SDK fetches and renews the token), pointed at
 * PayPal's sandbox or live API, or at another address for tests (`PAYPAL_API_BASE`). The SDK
 * knows only PayPal's two hosts, so another address is reached through an HTTP transport of our
 * own that sends each request there, path and headers unchanged.
 *
 * The one call the SDK lacks, verify-webhook-signature, goes through `paypalPost` with the
 * SDK's own token.
 */
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Client } from '@paypal/paypal-server-sdk';
import { paypalSdk } from './paypal-sdk.ts';

export interface PayPalOptions {
  clientId: string;
  clientSecret: string;
  environment: 'sandbox' | 'live';
  /** Another API address, for tests against a local stand-in: `http://127.0.0.1:12113`. */
  apiBase?: string | null;
}

const HOSTS = {
  sandbox: 'https://api-m.sandbox.paypal.com',
  live: 'https://api-m.paypal.com',
} as const;

export interface PayPalApi {
  client: Client;
  /** Where the REST API is: PayPal's host for the environment, or `apiBase`. */
  base: string;
}

export function createPayPalClient(options: PayPalOptions): PayPalApi {
  const base = (options.apiBase ?? HOSTS[options.environment]).replace(/\/+$/, '');
  const { Client, Environment } = paypalSdk();
  const client = new Client({
    clientCredentialsAuthCredentials: {
      oAuthClientId: options.clientId,
      oAuthClientSecret: options.clientSecret,
    },
    environment: options.environment === 'live' ? Environment.Production : Environment.Sandbox,
    timeout: 30_000,
    ...(options.apiBase ? { unstable_httpClientOptions: redirectedTo(options.apiBase) } : {}),
  });
  return { client, base };
}

/** Axios options that send every request to `apiBase` instead of PayPal's host. */
function redirectedTo(apiBase: string) {
  const target = new URL(apiBase);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return {
    maxRedirects: 0,
    transport: {
      request: (options: RequestOptions, callback: (res: unknown) => void) =>
        request(
          {
            ...options,
            protocol: target.protocol,
            hostname: target.hostname,
            host: target.hostname,
            port: target.port || (target.protocol === 'https:' ? 443 : 80),
            agent: undefined,
          },
          callback as never,
        ),
    },
  };
}

/** POSTs JSON to a PayPal REST path the SDK has no controller for, with the SDK's token. */
export async function paypalPost(
  api: PayPalApi,
  path: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const token = await api.client.clientCredentialsAuthManager.fetchToken();
  const response = await fetch(`${api.base}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token.accessToken}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // Not JSON: judged by the status alone.
  }
  return { status: response.status, body: parsed };
}
