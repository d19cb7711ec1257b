/** Which payment methods a business's customers may choose: the portal lists them, quotes and payments check them. */
import { type PaymentMethodKind, paymentMethodsFor } from '../../shared/quote.ts';
import { unprocessable } from '../http/errors.ts';

export function checkPaymentMethod(currency: string, method: PaymentMethodKind | null | undefined) {
  if (method && !paymentMethodsFor(currency).includes(method)) {
    throw unprocessable(
      'method_unavailable',
      'Bank payments are taken in US dollars only.',
      'method',
    );
  }
}
