/**
 * The element's bundle budget: the first-paint script a business's page loads (the classic
 * script, and the ES module) must stay under 15 KB gzip (issue 13 asks for 18, on the way to
 * 15). Builds widget/ with the project's vite.config.ts into a temporary folder, so it measures
 * the source as it is now, and prints every file's gzip size and what the entry is made of (lit,
 * strings, styles, UI, money), from the build's metafile (widget/build/metafile.ts). The payment
 * forms, the estimate and invoice views, Spanish, and the element's own account, history and
 * confirmation views are files of their own (widget/build/lazy-parts.ts); signature_pad is one
 * behind the estimate view. The entry imports the element's views, Spanish and the "Pay your
 * bill" form; the account's view imports the payment forms and the estimate and invoice views.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Metafile } from '../../widget/build/metafile.ts';
import { breakdown, printBreakdown } from './breakdown.ts';

/**
 * 15 KB gzip (issue 13 asks for 18 KB, on the way to 15 KB): 14.47 KB (classic) and 14.47 KB
 * (module) when set (2026-12-05), down from 15.32 / 15.33 KB once the loaders of the payment
 * forms, the estimates' controller and the invoice document's controller (with the loaders of
 * their elements) moved into the account's view, and from 25.13 KB before the account's view
 * (with its styles, its English words, the checkout, what Pay does and the recent charges), the
 * history and the confirmation became lazy parts; the entry draws the loading skeleton, the
 * notices and the header, and loads the account's view while it loads the account.
 */
const BUDGET = 15 * 1024;
const outDir = mkdtempSync(join(tmpdir(), 'pay-portal-size-'));
const sizes: Record<string, { bytes: number; gzip: number; text: string }> = {};
let meta: Metafile;

describe('widget bundle size', () => {
  beforeAll(() => {
    // A separate process: under vitest NODE_ENV is "test", which would bundle Lit's dev build.
    execFileSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--logLevel', 'error'],
      {
        env: {
          ...process.env,
          NODE_ENV: 'production',
          PAY_PORTAL_METAFILE: join(outDir, 'metafile.json'),
        },
        stdio: 'inherit',
      },
    );
    meta = JSON.parse(readFileSync(join(outDir, 'metafile.json'), 'utf8')) as Metafile;
    const parts = readdirSync(outDir).filter((file) => /^[\w-]+\.[\w-]{8}\.mjs$/.test(file));
    for (const file of ['pay-portal.js', 'pay-portal.mjs', ...parts]) {
      const content = readFileSync(join(outDir, file));
      sizes[file] = {
        bytes: content.length,
        gzip: gzipSync(content).length,
        text: content.toString(),
      };
    }
    const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`;
    for (const [file, size] of Object.entries(sizes)) {
      console.log(`${file}: ${kb(size.bytes)}, ${kb(size.gzip)} gzip`);
    }
    printBreakdown('pay-portal.mjs', meta.outputs['pay-portal.mjs']!, sizes['pay-portal.mjs']!);
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('keeps the classic script under 15 KB gzip', () => {
    expect(sizes['pay-portal.js']!.gzip).toBeLessThan(BUDGET);
  });

  it('keeps the ES module under 15 KB gzip too', () => {
    expect(sizes['pay-portal.mjs']!.gzip).toBeLessThan(BUDGET);
  });

  const entries = () => [sizes['pay-portal.js']!.text, sizes['pay-portal.mjs']!.text];
  const part = (name: string) => {
    const file = Object.keys(sizes).find((file) => file.startsWith(`${name}.`));
    if (!file) throw new Error(`${name} was not built`);
    return { file, ...sizes[file]! };
  };

  it('carries no schema library, server code or Stripe loader', () => {
    for (const { text } of Object.values(sizes)) {
      expect(/ZodError|zod|better-sqlite3|kysely/i.test(text)).toBe(false);
    }
    for (const text of entries()) expect(text.includes('js.stripe.com')).toBe(false);
  });

  it('builds each payment form as a content-hashed file beside the entries', () => {
    expect(part('sandbox-form').file).toMatch(/^sandbox-form\.[\w-]{8}\.mjs$/);
    expect(part('stripe-form').file).toMatch(/^stripe-form\.[\w-]{8}\.mjs$/);
    // Stripe.js is loaded from Stripe by the Stripe form alone, never by the sandbox's.
    expect(part('stripe-form').text).toContain('https://js.stripe.com');
    expect(part('sandbox-form').text.includes('js.stripe.com')).toBe(false);
    // Square's Web Payments SDK, likewise, by the Square form alone.
    expect(part('square-form').file).toMatch(/^square-form\.[\w-]{8}\.mjs$/);
    expect(part('square-form').text).toContain('https://web.squarecdn.com/v1/square.js');
    expect(part('stripe-form').text.includes('squarecdn')).toBe(false);
    // PayPal's JS SDK is loaded from PayPal (through @paypal/paypal-js) by the PayPal form alone.
    expect(part('paypal-form').file).toMatch(/^paypal-form\.[\w-]{8}\.mjs$/);
    expect(part('paypal-form').text).toContain('paypal.com/sdk/js');
    for (const name of ['sandbox-form', 'stripe-form', 'square-form']) {
      expect(part(name).text.includes('paypal.com')).toBe(false);
    }
    for (const text of entries()) expect(text.includes('paypal.com')).toBe(false);
    // The forms borrow the element's Lit: none carries a copy.
    for (const name of [
      'sandbox-form',
      'stripe-form',
      'square-form',
      'paypal-form',
      'payment-flow',
    ]) {
      expect(part(name).text.includes('litHtmlVersions')).toBe(false);
    }
  });

  /**
   * The views share the money formatting, the question form, the later English words and the Lit
   * the entry lends them: files beside them that they import statically (named by the bundler
   * after their first module), one of them the lent Lit's stand-in; none carries a copy of Lit.
   */
  const onLentLit = (name: string) => {
    const view = part(name);
    expect(view.text.includes('litHtmlVersions')).toBe(false);
    const shared = [...view.text.matchAll(/from\s*"\.\/([\w.-]+\.mjs)"/g)].map((m) => m[1]!);
    expect(shared).toContainEqual(expect.stringMatching(/^lent-lit\.[\w-]{8}\.mjs$/));
    for (const file of shared) {
      expect(file).toMatch(/^(lent-lit|money|question-form|en-later|confirmation)\.[\w-]{8}\.mjs$/);
      expect(sizes[file]!.text.includes('litHtmlVersions')).toBe(false);
    }
    const lent = part('lent-lit');
    expect(lent.text).toContain('pay-portal.lit');
    return view;
  };

  it('builds the estimate view as a part of its own, on the Lit the entry lends it', () => {
    const view = onLentLit('estimate-view');
    expect(view.file).toMatch(/^estimate-view\.[\w-]{8}\.mjs$/);
    // Neither entry carries the view or signature_pad; the account's view loads it (when an
    // account has estimates), and the view imports signature_pad (only when the customer
    // draws) from beside itself.
    for (const text of entries()) {
      expect(text.includes('Deposit due on approval')).toBe(false);
      expect(text.includes('signature_pad')).toBe(false);
    }
    expect(part('account-view').text).toContain('pay-portal-estimate');
    expect([...view.text.matchAll(/\bimport\(([^)]*)\)/g)].map((m) => m[1])).toEqual([
      expect.stringMatching(/^`\.\/signature_pad\.[\w-]{8}\.mjs`$/),
    ]);
    expect(view.gzip).toBeLessThan(10 * 1024);
  });

  it('builds the invoice view and the Spanish messages as parts of their own', () => {
    const view = onLentLit('invoice-view');
    expect(view.file).toMatch(/^invoice-view\.[\w-]{8}\.mjs$/);
    expect([...view.text.matchAll(/\bimport\(/g)]).toEqual([]);
    expect(view.gzip).toBeLessThan(6 * 1024);
    const spanish = part('messages-es');
    expect(spanish.text).toContain('Elija qué pagar');
    for (const text of entries()) {
      expect(text.includes('Ask about invoice')).toBe(false);
      expect(text.includes('Elija qué pagar')).toBe(false);
    }
  });

  it('writes brotli and gzip copies beside every file the server sends compressed (issue 13)', () => {
    for (const file of Object.keys(sizes)) {
      const original = readFileSync(join(outDir, file));
      if (original.length < 1024) continue;
      expect(brotliDecompressSync(readFileSync(join(outDir, `${file}.br`)))).toEqual(original);
      expect(gunzipSync(readFileSync(join(outDir, `${file}.gz`)))).toEqual(original);
    }
    const brotli = readFileSync(join(outDir, 'pay-portal.js.br')).length;
    console.log(
      `pay-portal.js: ${(brotli / 1024).toFixed(2)} KB brotli (the copy the server sends)`,
    );
    expect(brotli).toBeLessThan(sizes['pay-portal.js']!.gzip);
  });

  it('never renders text as markup: no unsafeHTML or unsafeSVG directive inside', () => {
    for (const { text } of Object.values(sizes)) {
      expect(/unsafeHTML|unsafeSVG/.test(text)).toBe(false);
    }
  });

  /** The parts each entry imports: widget/lazy/lazy.ts's, then widget/pay-portal/view-parts.ts's. */
  const PARTS = ['messages-es', 'access-form', 'account-view', 'history-view', 'confirmation-view'];
  /** The parts the account's view imports (widget/lazy/lazy.ts's, through its loaders). */
  const ACCOUNT_PARTS = [
    'sandbox-form',
    'stripe-form',
    'square-form',
    'paypal-form',
    'estimate-view',
    'invoice-view',
  ];

  it(`is self-contained but for its lazy parts (${PARTS.length}): no other import or require`, () => {
    for (const text of entries()) {
      expect(/\brequire\(|\bimport\s*[\s{*"']/.test(text)).toBe(false);
      expect([...text.matchAll(/\bimport\(/g)]).toHaveLength(PARTS.length);
      // Neither the forms nor the estimate and invoice views are the entry's to load.
      for (const name of ACCOUNT_PARTS) expect(text.includes(`${name}.`)).toBe(false);
    }
    // The module imports them by a path its bundler or browser resolves beside it; the classic
    // script by a URL made from its own (a relative one would resolve against the page).
    const module = [...entries()[1]!.matchAll(/\bimport\(`\.\/([\w-]+)\.[\w-]{8}\.mjs`\)/g)];
    expect(module.map((m) => m[1]).sort()).toEqual([...PARTS].sort());
    const classic = [
      ...entries()[0]!.matchAll(/\bimport\(([\w$]+)\(`([\w-]+)\.[\w-]{8}\.mjs`\)\)/g),
    ];
    expect(classic.map((m) => m[2]).sort()).toEqual([...PARTS].sort());
    for (const name of PARTS) part(name);
  });

  it(`has the account's view load the payment forms and the estimate and invoice views (${ACCOUNT_PARTS.length})`, () => {
    // A part is an ES module, whichever entry loaded it: it imports its siblings by a path
    // relative to itself (the same files the hosted page preloads).
    const view = part('account-view').text;
    const imported = [...view.matchAll(/\bimport\(`\.\/([\w-]+)\.[\w-]{8}\.mjs`\)/g)];
    expect(imported.map((m) => m[1]).sort()).toEqual([...ACCOUNT_PARTS].sort());
    expect([...view.matchAll(/\bimport\(/g)]).toHaveLength(ACCOUNT_PARTS.length);
    for (const name of ACCOUNT_PARTS) expect(view).toContain(`import(\`./${part(name).file}\`)`);
  });

  it("builds the account's view, the history and the confirmation as parts, with their words", () => {
    for (const name of ['account-view', 'history-view', 'confirmation-view']) onLentLit(name);
    const later = part('en-later');
    for (const words of [
      'Choose what to pay',
      'Save card for future payments',
      'Payment history',
    ]) {
      expect(later.text).toContain(words);
      for (const text of entries()) expect(text.includes(words)).toBe(false);
    }
    expect(part('account-view').text).toContain('pay-button');
    for (const text of entries()) {
      expect(text.includes('pay-button')).toBe(false);
      expect(text.includes('print-receipt')).toBe(false);
    }
    expect(part('confirmation').text).toContain('print-receipt');
  });

  it('says what the entry is made of: the metafile accounts for the whole file', () => {
    const groups = breakdown(meta.outputs['pay-portal.mjs']!);
    const total = groups.reduce((sum, group) => sum + group.bytes, 0);
    // Each module is minified alone for the metafile: within a tenth of the real file.
    expect(Math.abs(total - sizes['pay-portal.mjs']!.bytes)).toBeLessThan(
      sizes['pay-portal.mjs']!.bytes / 10,
    );
    expect(groups.map((group) => group.name)).toEqual(
      expect.arrayContaining(['lit', 'strings', 'styles', 'UI', 'money and shared rules']),
    );
  });
});
