/** API errors that carry figures the customer's screen needs beside the message. */
import { ApiError } from '../http/errors.ts';

/**
 * An `ApiError` whose `error` object also holds `details` (for example `amount_available`), the
 * way Stripe's errors name the PaymentIntent they concern.
 */
export class DetailedApiError extends ApiError {
  constructor(
    base: ApiError,
    readonly details: Record<string, unknown>,
  ) {
    super(base.status, base.type, base.code, base.message, base.param, base.headers);
  }

  override toJSON() {
    const body = super.toJSON();
    return { error: { ...body.error, ...this.details } };
  }
}
