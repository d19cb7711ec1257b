/**
 * What Square's errors mean to us: a decline (Square's 400 `PAYMENT_METHOD_ERROR`, which carries
 * the FAILED payment it made) is an outcome, not an error; other request errors are our 422
 * `provider_<code>` in Square's words; a 5xx or no answer stays an error (the caller may look the
 * outcome up). And a refund's status in our words.
 */
import { unprocessable } from '../../http/errors.ts';
import type { Authorized } from '../provider.ts';
import { squareFailure } from './square-payments.ts';
import { squareSdk } from './square-sdk.ts';

export function declined(error: unknown): Authorized | null {
  if (!(error instanceof squareSdk().SquareError)) return null;
  const body = error.body as { payment?: Record<string, unknown> } | undefined;
  const payment = body?.payment;
  const isDecline = error.errors.some((e) => e.category === 'PAYMENT_METHOD_ERROR');
  if (!isDecline || !payment || typeof payment.id !== 'string') return null;
  const amount = (payment.amount_money as { amount?: number } | undefined)?.amount ?? 0;
  return {
    providerPaymentId: payment.id,
    status: 'failed',
    amount: Number(amount),
    details: null,
    failure: squareFailure(error.errors),
  };
}

/** Square's request errors become our 422 (`provider_<code>`); others stay errors. */
export async function guard<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asApiError(error);
  }
}

export function asApiError(error: unknown): unknown {
  if (!(error instanceof squareSdk().SquareError) || !error.statusCode || error.statusCode >= 500)
    return error;
  const first = error.errors[0];
  return unprocessable(
    first?.code ? `provider_${first.code.toLowerCase()}` : 'provider_invalid_request',
    first?.detail ?? error.message,
  );
}

export function refundStatus(status: string | undefined): 'succeeded' | 'pending' | 'failed' {
  if (status === 'COMPLETED') return 'succeeded';
  if (status === 'FAILED' || status === 'REJECTED') return 'failed';
  return 'pending';
}
