/**
 * A delivery process of its own, for two-processes.test.ts: opens DATABASE_URL and runs delivery
 * passes until one finds nothing due twice, then prints what it did as JSON.
 */
import { openDatabase } from '../../server/db/database.ts';
import { deliverDueWebhooks } from '../../server/webhooks/delivery.ts';

const db = openDatabase(process.env.DATABASE_URL!);
const total = { delivered: 0, retrying: 0, failed: 0 };
let idle = 0;
while (idle < 2) {
  const result = await deliverDueWebhooks(db, {
    httpsOnly: false,
    allowPrivateNetworks: true,
    appSecret: process.env.APP_SECRET!,
    limit: 5,
  });
  total.delivered += result.delivered;
  total.retrying += result.retrying;
  total.failed += result.failed;
  idle = result.delivered + result.retrying + result.failed === 0 ? idle + 1 : 0;
}
await db.destroy();
process.stdout.write(`${JSON.stringify(total)}\n`);
