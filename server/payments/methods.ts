/** Which payment methods a business's customers may choose: the portal lists them, quotes and payments check them. */
import { type PaymentMethodKind, paymentMethodsFor } from '../../shared/quote.ts';
import { unprocessable } from '../http/errors.ts';

export function checkPaymentMethod(
  currency: string,
  method: PaymentMethodKind | null | undefined,
  /** What the provider's form takes (providers.ts `providerMethods`); all by default. */
  offered?: readonly PaymentMethodKind[],
) {
  // PayPal's currencies are its own (./minimums.ts checkProviderCurrency).
  if (method && method !== 'paypal' && !paymentMethodsFor(currency).includes(method)) {
    throw unprocessable(
      'method_unavailable',
      'Bank payments are taken in US dollars only.',
      'method',
    );
  }
  if (method && offered && !offered.includes(method)) {
    throw unprocessable(
      'method_unavailable',
      method === 'paypal'
        ? 'This business does not take PayPal.'
        : 'This business takes cards only through its payment processor.',
      'method',
    );
  }
}
