/**
 * One "server process" for the cross-process ledger test: opens the SQLite file in DATABASE_URL,
 * says "ready", waits for a line on stdin, then posts its charges through the app at once and
 * prints their statuses as JSON. Usage: charge-poster.ts <api key> <customer id> <count> <tag>
 */
import { createInterface } from 'node:readline';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/database.ts';
import { createLogger } from '../../server/http/logger.ts';

const [apiKey, customerId, count, tag] = process.argv.slice(2);
const config = loadConfig();
const db = openDatabase(config.databaseUrl);
const app = createApp({ db, config, logger: createLogger('silent') });

const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
await new Promise((resolve) => lines.once('line', resolve));
const statuses = await Promise.all(
  Array.from({ length: Number(count) }, async (_, index) => {
    const response = await app.request(`/v1/customers/${customerId}/charges`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ amount: 100 + index, description: `${tag} ${index}` }),
    });
    return response.status;
  }),
);
process.stdout.write(`${JSON.stringify(statuses)}\n`);
lines.close();
await db.destroy();
