/**
 * `POST /v1/portal/:token/quote`: the figures of a payment the customer is choosing, checked and
 * computed by shared/quote.ts, the same code the element runs, against what this link shows.
 */
import {
  checkQuoteInput,
  computeQuote,
  type PaymentMethodKind,
  type QuoteInput,
} from '../../shared/quote.ts';
import type { Db } from '../db/database.ts';
import type { PortalScope } from '../links/access.ts';
import { checkPaymentMethod } from '../payments/methods.ts';
import { payableState, portalMoney, quoteRefusal } from '../payments/payable.ts';

export async function portalQuote(
  db: Db,
  scope: PortalScope,
  input: QuoteInput,
  /** The methods this server's providers take (a PayPal quote where PayPal is not set up: 422). */
  offered?: readonly PaymentMethodKind[],
) {
  checkPaymentMethod(scope.business.currency, input.method, offered);
  const money = await portalMoney(db, scope);
  const [problem] = checkQuoteInput(input, payableState(scope, money));
  // An invoice of another customer is not open on this link: the same answer as an unknown id.
  if (problem) throw await quoteRefusal(db, scope, input, problem);
  const quote = computeQuote(input, scope.settings.convenience_fees);
  return { object: 'quote' as const, ...quote, currency: scope.business.currency };
}
