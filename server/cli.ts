/**
 * `npm run cli -- create-business --name "Acme Pools" --currency usd [--locale en-US]`
 *
 * Prints one line of JSON, `{"business": {…}, "api_key": "sk_…"}`, to stdout and nothing else, so
 * scripts can read it (`npm run -s cli -- …`: npm's own banner also goes to stdout otherwise).
 * Messages go to stderr. Exit codes: 0 done, 2 bad or missing arguments, 1 anything else.
 */

import { parseArgs } from 'node:util';
import { businessView, createBusiness } from './businesses/businesses.ts';
import { loadConfig } from './config.ts';
import { migrateToLatest, openDatabase } from './db/database.ts';
import { checkProviderCurrency } from './payments/minimums.ts';
import { dryRunReminders } from './reminders/dry-run.ts';

const USAGE = `Usage: npm run cli -- create-business --name <name> --currency <code> [--locale <tag>]

  --name      the business's name, as customers will see it
  --currency  ISO 4217 code of the money it bills in: usd, eur, jpy, kwd…
  --locale    BCP 47 tag for its portal and documents (default en-US)

The store is the one DATABASE_URL names (default ./data/pay-portal.sqlite).
Prints one line of JSON with the business and its secret API key; the key is shown only once.

       npm run cli -- reminders --dry-run [--at <ISO time>]

Lists the reminders due now (or in quiet hours) and the next one of each document, one JSON
line each, soonest first. Sends nothing.`;

class UsageError extends Error {}

interface CreateBusinessArgs {
  name: string;
  currency: string;
  locale: string;
}

/** Reads and checks the arguments; a `UsageError` says what is wrong in words a person can act on. */
function parseCreateBusiness(args: string[]): CreateBusinessArgs {
  let values: { name?: string; currency?: string; locale?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        name: { type: 'string' },
        currency: { type: 'string' },
        locale: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const name = values.name?.trim();
  if (!name) throw new UsageError('--name is required (the business name, e.g. "Acme Pools").');
  if (name.length > 200) throw new UsageError('--name must be at most 200 characters.');
  const currency = values.currency?.trim().toUpperCase();
  if (!currency) throw new UsageError('--currency is required (an ISO 4217 code such as usd).');
  // Intl formats any three letters, so ask it for the codes it actually knows.
  if (!Intl.supportedValuesOf('currency').includes(currency)) {
    throw new UsageError(`--currency "${values.currency}" is not an ISO 4217 currency code.`);
  }
  let locale = 'en-US';
  if (values.locale !== undefined) {
    try {
      locale = Intl.getCanonicalLocales(values.locale.trim())[0] ?? '';
    } catch {
      locale = '';
    }
    if (!locale) throw new UsageError(`--locale "${values.locale}" is not a BCP 47 tag (en-US).`);
  }
  return { name, currency: currency.toLowerCase(), locale };
}

async function createBusinessCommand(args: string[]) {
  const input = parseCreateBusiness(args);
  const config = loadConfig();
  try {
    checkProviderCurrency(config.paymentProvider, input.currency);
  } catch (error) {
    throw new UsageError(`--currency: ${(error as Error).message}`);
  }
  const db = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(db);
    const { business, apiKey } = await createBusiness(db, input);
    process.stdout.write(
      `${JSON.stringify({ business: businessView(business), api_key: apiKey })}\n`,
    );
    process.stderr.write(
      `Created ${business.name} (${business.id}). Keep the api_key: it is not shown again.\n`,
    );
  } finally {
    await db.destroy();
  }
}

/**
 * `reminders --dry-run [--at <ISO time>]`: one line of JSON per reminder, due now or next, soonest
 * first; nothing is sent or written. Without --dry-run it refuses: the server sends reminders.
 */
async function remindersCommand(args: string[]) {
  let values: { 'dry-run'?: boolean; at?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { 'dry-run': { type: 'boolean' }, at: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!values['dry-run']) {
    throw new UsageError('reminders: only --dry-run is here; the running server sends reminders.');
  }
  const at = values.at ? new Date(values.at) : new Date();
  if (Number.isNaN(at.getTime())) throw new UsageError(`--at "${values.at}" is not an ISO time.`);
  const config = loadConfig();
  const db = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(db);
    const lines = await dryRunReminders(db, at);
    for (const line of lines) process.stdout.write(`${JSON.stringify(line)}\n`);
    const due = lines.filter((line) => line.state === 'due').length;
    process.stderr.write(
      `${due} reminder(s) due now, ${lines.length - due} waiting or scheduled.\n`,
    );
  } finally {
    await db.destroy();
  }
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  'create-business': createBusinessCommand,
  reminders: remindersCommand,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const run = command ? COMMANDS[command] : undefined;
  if (!run) {
    process.stderr.write(
      `${command ? `Unknown command "${command}".` : 'No command given.'}\n\n${USAGE}\n`,
    );
    return 2;
  }
  try {
    await run(args);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`${command} failed: ${(error as Error).message ?? String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
