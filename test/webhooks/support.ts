/** What the webhook suites share: an endpoint on a local receiver, and delivering the queue. */
import type { Db } from '../../server/db/database.ts';
import { deliverDueWebhooks } from '../../server/webhooks/delivery.ts';
import type { PostRules } from '../../server/webhooks/post.ts';
import { type StaffClient, testConfig } from '../support/harness.ts';
import type { Receiver } from '../support/webhook-receiver.ts';

/** A receiver on this machine is a private address: the suites let it through on purpose. */
export const LOCAL = { httpsOnly: false, allowPrivateNetworks: true } as const;
export const LOCAL_CONFIG = { webhooks: { allowPrivateNetworks: true } } as const;

/** Registers `receiver` for `events` and hands it the secret to verify with. */
export async function listenWith(staff: StaffClient, receiver: Receiver, events = ['*']) {
  const made = await staff.post('/v1/webhook_endpoints', { url: receiver.url, events });
  if (made.status !== 200) throw new Error(`endpoint not made: ${JSON.stringify(made.body)}`);
  receiver.secret = made.body.secret;
  return made.body as { id: string; secret: string };
}

/** The suites' APP_SECRET (test/support/harness.ts): it opens the sealed signing secrets. */
export const TEST_APP_SECRET = testConfig().appSecret;

/** Passes of the delivery loop, at `at`, until one finds nothing due. */
export async function deliverAll(
  db: Db,
  at?: Date,
  rules: PostRules = LOCAL,
  appSecret = TEST_APP_SECRET,
) {
  const total = { delivered: 0, retrying: 0, failed: 0 };
  for (let pass = 0; pass < 50; pass += 1) {
    const result = await deliverDueWebhooks(db, { ...rules, appSecret, ...(at ? { at } : {}) });
    total.delivered += result.delivered;
    total.retrying += result.retrying;
    total.failed += result.failed;
    if (result.delivered + result.retrying + result.failed === 0) break;
  }
  return total;
}

export const HOUR = 3_600_000;
