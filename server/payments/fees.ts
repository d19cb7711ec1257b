/**
 * The convenience-fee rule a business must follow with card networks: a card fee is a credit-card
 * surcharge, so it applies to credit cards only, never to debit or prepaid cards. Until the card
 * is known (funding null) the fee is shown as it would be on a credit card; once the provider
 * tells the funding, the fee is computed again and the customer confirms the final total
 * (docs/payments.md, "Convenience fee").
 */
import {
  type ConvenienceFee,
  computeQuote,
  type PaymentMethodKind,
  type Quote,
  type QuoteInput,
} from '../../shared/quote.ts';
import type { BusinessSettings } from '../businesses/settings.ts';
import type { Funding } from './provider.ts';

/** Funding types a card fee applies to. Debit and prepaid cards are never surcharged. */
const SURCHARGEABLE: readonly Funding[] = ['credit'];

/** The fee that applies to this method and funding, or undefined for none. */
export function applicableFee(
  settings: BusinessSettings,
  method: PaymentMethodKind,
  funding: Funding | null,
): ConvenienceFee | undefined {
  const fee = settings.convenience_fees[method];
  if (!fee) return undefined;
  if (method === 'card' && funding !== null && !SURCHARGEABLE.includes(funding)) return undefined;
  return fee;
}

/** The payment's figures for this method and funding, by shared/quote.ts. */
export function paymentQuote(
  settings: BusinessSettings,
  input: QuoteInput,
  method: PaymentMethodKind,
  funding: Funding | null,
): Quote {
  const fee = applicableFee(settings, method, funding);
  return computeQuote({ ...input, method }, fee ? { [method]: fee } : {});
}
