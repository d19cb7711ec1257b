/**
 * The baseline of `npm run bench` (issue 13): what the portal's reads cost with nothing but
 * `node:http`, better-sqlite3 and a handful of statements prepared once, over the same SQLite
 * file as the real server, answering the same JSON. No framework, no query builder, no logging, no
 * rate limit, no validation library: the floor our server is measured against.
 *
 * It serves customer links only (the benchmark's), answers GET /v1/portal/:token, POST
 * /v1/portal/:token/quote and GET /p/:token, and refuses with 500 what it does not model (an
 * estimate to show), so that a benchmark against a wrong baseline stops instead of lying. The
 * hosted page's bytes come from the file BENCH_PAGES names (token → HTML, taken from our server
 * once): the page costs the link lookup, as ours does, and a string.
 *
 * Run as a child process: `tsx test/bench/raw-portal-server.ts <sqlite file>`; prints `ready <port>`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import SQLite from 'better-sqlite3';
import { defaultTimeZone } from '../../server/businesses/time-zone.ts';
import {
  checkQuoteInput,
  computeQuote,
  paymentMethodsFor,
  type QuoteInput,
} from '../../shared/quote.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: raw-portal-server.ts <sqlite file>');
const pages: Record<string, string> = process.env.BENCH_PAGES
  ? JSON.parse(readFileSync(process.env.BENCH_PAGES, 'utf8'))
  : {};
const publishableKey = process.env.STRIPE_PUBLISHABLE_KEY ?? '';
/** Open invoices a portal answer shows (the rest are paged, as ours pages them). */
const pageSize = 10;

const db = new SQLite(file);
db.pragma('journal_mode = WAL');
db.pragma('busy_timeout = 5000');

const linkByHash = db.prepare(`
  select l.kind, l.status, l.expires_at, l.customer_id, b.name as business_name, b.currency,
    b.locale, b.settings, c.name as customer_name, c.phone as customer_phone,
    c.locale as customer_locale
  from payment_links l
  join businesses b on b.id = l.business_id
  join customers c on c.id = l.customer_id
  where l.token_hash = ?`);
const balanceOf = db.prepare(
  'select balance_after from ledger_entries where customer_id = ? order by seq desc limit 1',
);
const openInvoices = db.prepare(`
  select i.id, i.number, i.created_at, i.due_date, i.status, i.total,
    i.balance as due
  from invoices i
  where i.customer_id = ? and i.status in ('open', 'viewed', 'partially_paid')
  order by i.created_at, i.number`);
const savedMethods = db.prepare(`
  select id, brand, last4, exp_month, exp_year from payment_methods
  where customer_id = ? and provider = 'stripe' and removed_at is null order by created_at desc`);
const anyEstimate = db.prepare(`
  select 1 from estimates where customer_id = ?
    and (status = 'pending' or (status = 'approved' and deposit_amount > 0)) limit 1`);

interface LinkRow {
  kind: string;
  status: string;
  expires_at: string | null;
  customer_id: string;
  business_name: string;
  currency: string;
  locale: string;
  settings: string;
  customer_name: string;
  customer_phone: string | null;
  customer_locale: string | null;
}
interface InvoiceRow {
  id: string;
  number: string;
  created_at: string;
  due_date: string | null;
  status: string;
  total: number;
  due: number;
}

const DEFAULT_BRANDING = {
  logo_url: null,
  brand_color: '#1a56db',
  address: null,
  phone: null,
  email: null,
};
const DEFAULT_SETTINGS = {
  tips: { enabled: true, percentages: [18, 20, 25], custom: true },
  partial_payments: { enabled: false, minimum: 100 },
  convenience_fees: {},
};

function liveLink(token: string) {
  const hash = createHash('sha256').update(token).digest('hex');
  const link = linkByHash.get(hash) as LinkRow | undefined;
  if (link?.status !== 'active') return undefined;
  if (link.expires_at && link.expires_at <= new Date().toISOString()) return undefined;
  if (link.kind !== 'customer') throw new Error('the raw baseline models customer links only');
  const stored = JSON.parse(link.settings);
  const settings = {
    ...DEFAULT_SETTINGS,
    ...stored,
    branding: { ...DEFAULT_BRANDING, ...stored.branding },
  };
  return { link, settings };
}

function money(customerId: string) {
  const last = balanceOf.get(customerId) as { balance_after: number } | undefined;
  const balance = last?.balance_after ?? 0;
  const invoices = (openInvoices.all(customerId) as InvoiceRow[]).map((row) => ({
    ...row,
    due: Math.max(0, row.due),
  }));
  const invoiced = invoices.reduce((sum, invoice) => sum + invoice.due, 0);
  return { balance, balanceDue: Math.max(0, balance - invoiced), invoices };
}

const zones = new Map<string, string>();
function zoneOfLocale(locale: string): string {
  const zone = zones.get(locale) ?? defaultTimeZone(locale);
  zones.set(locale, zone);
  return zone;
}

function daysOverdue(dueDate: string | null, today: string): number {
  if (!dueDate) return 0;
  const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / 86_400_000;
  return Math.max(0, Math.round(days));
}

function portal(token: string) {
  const open = liveLink(token);
  if (!open) return undefined;
  const { link, settings } = open;
  if (anyEstimate.get(link.customer_id)) throw new Error('the raw baseline shows no estimates');
  const { balance, balanceDue, invoices } = money(link.customer_id);
  const today = new Date().toISOString().slice(0, 10);
  const shown = invoices.slice(0, pageSize);
  return {
    object: 'portal',
    link: { kind: link.kind, expires: link.expires_at },
    business: {
      name: link.business_name,
      logo_url: settings.branding.logo_url,
      brand_color: settings.branding.brand_color,
      address: settings.branding.address,
      phone: settings.branding.phone,
      email: settings.branding.email,
    },
    customer: {
      name: link.customer_name,
      phone: link.customer_phone,
      locale: link.customer_locale,
    },
    currency: link.currency,
    locale: link.locale,
    time_zone: settings.time_zone ?? zoneOfLocale(link.locale),
    balance: {
      amount: balance,
      state: balance === 0 ? 'zero' : balance < 0 ? 'credit' : 'outstanding',
    },
    balance_due: balanceDue,
    invoices: shown.map((invoice) => ({
      id: invoice.id,
      number: invoice.number,
      date: invoice.created_at.slice(0, 10),
      due_date: invoice.due_date,
      status: invoice.status,
      total: invoice.total,
      amount_due: invoice.due,
      days_overdue: invoice.due > 0 ? daysOverdue(invoice.due_date, today) : 0,
      pdf_url: `/v1/portal/${token}/invoices/${invoice.id}.pdf`,
    })),
    invoices_summary: {
      count: invoices.length,
      amount_due: invoices.reduce((sum, invoice) => sum + invoice.due, 0),
      has_more: invoices.length > shown.length,
    },
    estimates: [],
    tip_options: settings.tips,
    partial_payments: settings.partial_payments,
    payment_methods: paymentMethodsFor(link.currency).map((type) => ({
      type,
      fee: settings.convenience_fees[type] ?? null,
      provider: 'stripe',
    })),
    provider: {
      name: 'stripe',
      publishable_key: publishableKey,
      test_mode: publishableKey.startsWith('pk_test_'),
    },
    providers: [
      {
        name: 'stripe',
        publishable_key: publishableKey,
        test_mode: publishableKey.startsWith('pk_test_'),
      },
    ],
    saved_payment_methods: savedMethods.all(link.customer_id),
  };
}

function quote(token: string, input: QuoteInput) {
  const open = liveLink(token);
  if (!open) return undefined;
  const { link, settings } = open;
  if (input.method && !paymentMethodsFor(link.currency).includes(input.method)) {
    return { problem: 'method' };
  }
  const { balanceDue, invoices } = money(link.customer_id);
  const [problem] = checkQuoteInput(input, {
    invoices: invoices
      .filter((invoice) => invoice.due > 0)
      .map((invoice) => ({ id: invoice.id, amount_due: invoice.due })),
    balance_due: balanceDue,
    partial_payments: settings.partial_payments,
    tip_options: settings.tips.enabled
      ? { percentages: settings.tips.percentages, custom: settings.tips.custom }
      : { percentages: [], custom: false },
  });
  if (problem) return { problem: problem.code };
  const figures = computeQuote(input, settings.convenience_fees);
  return { object: 'quote', ...figures, currency: link.currency };
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

const NOT_FOUND = JSON.stringify({ error: { code: 'link_invalid' } });

async function handle(req: IncomingMessage, res: ServerResponse) {
  const parts = (req.url ?? '').split('?')[0]!.split('/');
  if (req.method === 'GET' && parts[1] === 'p' && parts.length === 3) {
    const open = liveLink(parts[2]!);
    const page = open && pages[parts[2]!];
    if (!page) return send(res, 404, 'text/html; charset=UTF-8', 'gone');
    return send(res, 200, 'text/html; charset=UTF-8', page);
  }
  if (parts[1] !== 'v1' || parts[2] !== 'portal' || !parts[3]) {
    return send(res, 404, 'application/json', NOT_FOUND);
  }
  const token = parts[3];
  if (req.method === 'GET' && parts.length === 4) {
    const view = portal(token);
    return view
      ? send(res, 200, 'application/json', JSON.stringify(view))
      : send(res, 404, 'application/json', NOT_FOUND);
  }
  if (req.method === 'POST' && parts[4] === 'quote') {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = quote(token, JSON.parse(Buffer.concat(chunks).toString('utf8')));
    if (!answer) return send(res, 404, 'application/json', NOT_FOUND);
    if ('problem' in answer) return send(res, 422, 'application/json', JSON.stringify(answer));
    return send(res, 200, 'application/json', JSON.stringify(answer));
  }
  return send(res, 404, 'application/json', NOT_FOUND);
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) => {
    send(res, 500, 'text/plain', String(error));
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`ready ${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
