/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): `webhook-id` (the event's id, the
 * same on every retry so receivers can drop repeats), `webhook-timestamp` (seconds) and
 * `webhook-signature`, one `v1,…` per secret that signs now, space-separated: during a secret's
 * roll the old and the new both verify.
 */
import { Webhook } from 'standardwebhooks';

export function signedHeaders(
  eventId: string,
  body: string,
  secrets: readonly string[],
  at: Date,
): Record<string, string> {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(eventId, at, body));
  return {
    'webhook-id': eventId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}
