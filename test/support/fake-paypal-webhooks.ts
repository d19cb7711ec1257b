/**
 * PayPal's webhook deliveries as the stand-in makes them: the event (`{id: "WH-…", event_type,
 * resource_type, resource, …}`) and the five transmission headers PayPal sends with it. PayPal
 * signs `<transmission id>|<time>|<webhook id>|<crc32 of the body>` with its certificate's key;
 * the stand-in signs the same fields with a key of its own (an HMAC over a SHA-256 of the body),
 * which only its verify-webhook-signature call (fake-paypal.ts) checks.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';

const SIGNING_KEY = randomBytes(32);

export function transmissionSignature(
  transmissionId: string,
  time: string,
  webhookId: string,
  event: string,
) {
  // PayPal signs `<transmission id>|<time>|<webhook id>|<crc32 of the body>` with its private key;
  // the stand-in signs the same fields with a key of its own, checked by its verify call.
  const digest = createHash('sha256').update(event).digest('hex');
  return createHmac('sha256', SIGNING_KEY)
    .update(`${transmissionId}|${time}|${webhookId}|${digest}`)
    .digest('base64');
}

export function paypalWebhook(
  eventType: string,
  resource: Record<string, unknown>,
  webhookId: string,
): { body: string; headers: Record<string, string> } {
  const event = {
    id: `WH-${randomBytes(10).toString('hex').toUpperCase()}`,
    event_version: '1.0',
    create_time: new Date().toISOString(),
    resource_type:
      eventType.endsWith('REFUNDED') || eventType.endsWith('REVERSED') ? 'refund' : 'capture',
    resource_version: '2.0',
    event_type: eventType,
    summary: `Payment ${eventType.split('.').pop()?.toLowerCase()}`,
    resource,
    links: [],
  };
  const body = JSON.stringify(event);
  const transmissionId = randomBytes(16).toString('hex');
  const time = new Date().toISOString();
  return {
    body,
    headers: {
      'paypal-auth-algo': 'SHA256withRSA',
      'paypal-cert-url':
        'https://api.sandbox.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-a5cafa77',
      'paypal-transmission-id': transmissionId,
      'paypal-transmission-sig': transmissionSignature(transmissionId, time, webhookId, body),
      'paypal-transmission-time': time,
    },
  };
}
