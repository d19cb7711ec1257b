/**
 * Square's SDK, loaded when first needed (issue 13): it costs about 2 s and 80 MB, which a server
 * that takes payments with another provider should not pay at every start.
 */
import { createRequire } from 'node:module';
import type * as SquareSdk from 'square';

let sdk: typeof SquareSdk | null = null;

export function squareSdk(): typeof SquareSdk {
  sdk ??= createRequire(import.meta.url)('square') as typeof SquareSdk;
  return sdk;
}
