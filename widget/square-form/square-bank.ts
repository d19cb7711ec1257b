/**
 * An ACH bank transfer's token: `ach.tokenize()` opens Plaid for the customer to choose their
 * bank (the account holder's name, `CHARGE`, the total), and answers with a one-time `bnon:`
 * token — returned, or, in newer versions of the SDK, told to an `ontokenization` listener.
 * Null when the seller takes no ACH or the customer closed Plaid without choosing.
 */
import type { FormContext } from '../provider-form/provider-form.ts';
import { decimalAmount, type SquareAch, type TokenResult } from './square-sdk.ts';

const listening = new WeakSet<SquareAch>();
const listeners = new WeakMap<SquareAch, (result: TokenResult | null) => void>();

export async function squareBank(
  ach: SquareAch | null,
  { portal, total, l }: FormContext,
): Promise<string | null> {
  if (!ach) return null;
  // Newer SDKs tell the token to a listener instead of returning it: one listener per ACH.
  const told = new Promise<TokenResult | null>((resolve) => {
    listeners.set(ach, resolve);
  });
  if (!listening.has(ach)) {
    listening.add(ach);
    ach.addEventListener?.('ontokenization', (event) => {
      listeners.get(ach)?.(event.detail.error ? null : (event.detail.tokenResult ?? null));
    });
  }
  try {
    const returned = await ach.tokenize({
      accountHolderName: portal.customer.name,
      intent: 'CHARGE',
      amount: decimalAmount(l, total),
      currency: portal.currency.toUpperCase(),
    });
    const result = returned ?? (await told);
    return result?.status === 'OK' && result.token ? result.token : null;
  } catch {
    return null;
  }
}
