/**
 * PayPal's SDK, loaded when first needed (issue 13): about 34 MB and 230 ms, which a server
 * without PayPal should not pay at every start (as ../square/square-sdk.ts does for Square's).
 */
import { createRequire } from 'node:module';
import type * as PayPalSdk from '@paypal/paypal-server-sdk';

let sdk: typeof PayPalSdk | null = null;

export function paypalSdk(): typeof PayPalSdk {
  sdk ??= createRequire(import.meta.url)('@paypal/paypal-server-sdk') as typeof PayPalSdk;
  return sdk;
}
