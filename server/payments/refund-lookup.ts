/**
 * What a refund request that failed means. A refusal (the provider said no: 4xx) refunded
 * nothing: the refund is marked failed. No answer at all (a timeout, a dropped connection, a 5xx)
 * is not a "no": the refund may have happened, so the provider is asked for the refund it made
 * for our `refund_id` before anyone is told that nothing was refunded (issue 10). Found, it goes
 * on as if answered; not there, nothing was refunded; if even the lookup fails, the refund stays
 * pending, and the provider's refund event, which names our `refund_id`, settles it.
 */
import type { Db } from '../db/database.ts';
import { now } from '../db/ids.ts';
import { ApiError } from '../http/errors.ts';
import type { PaymentProvider } from './provider.ts';

export type RefundAnswer = Awaited<ReturnType<PaymentProvider['refund']>>;

export async function afterRefundError(
  db: Db,
  provider: PaymentProvider,
  providerPaymentId: string,
  refundId: string,
  error: unknown,
): Promise<RefundAnswer> {
  const refused = error instanceof ApiError && error.status < 500;
  if (!refused && provider.findRefund) {
    let found: RefundAnswer | null;
    try {
      found = await provider.findRefund(providerPaymentId, refundId);
    } catch {
      throw new ApiError(
        500,
        'api_error',
        'provider_unavailable',
        'The payment provider did not answer, so whether it refunded is not known yet. The refund stays pending until the provider tells us; do not refund again.',
      );
    }
    if (found) return found;
  }
  await db
    .updateTable('refunds')
    .set({
      status: 'failed',
      failure_message: String((error as Error).message ?? error),
      updated_at: now(),
    })
    .where('id', '=', refundId)
    .where('status', '=', 'pending')
    .execute();
  throw new ApiError(
    500,
    'api_error',
    'provider_error',
    'The payment provider did not take the refund. Nothing was refunded.',
  );
}
