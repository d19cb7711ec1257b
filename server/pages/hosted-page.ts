/**
 * `GET /p/:token`: the hosted portal, what a link in an email or SMS opens and what an email
 * landing page frames. A complete page around `<pay-portal>`: nothing to build on the business's
 * side. The link is checked the way the portal API checks it (openPortalLink: rate limited, every
 * dead token the same); a dead link gets one friendly page with 404, the same bytes for unknown,
 * revoked, expired and voided links. A GET changes nothing: the element reports the view.
 *
 * `?preview=1` is the staff preview (the demo page opens it): the element talks to the API
 * through `/preview` (./staff-preview.ts), where reporting a view records nothing.
 */

import { Hono } from 'hono';
import { customerLanguage } from '../businesses/customer-locale.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError } from '../http/errors.ts';
import { escapeHtml } from '../http/html.ts';
import { openPortalLink, type PortalScope, portalGuard } from '../links/access.ts';
import { deadPagePolicy, portalPagePolicy, setPageHeaders, styleHash } from './page-security.ts';
import { type PageLanguage, type PageWords, pageLanguage, pageWords } from './page-words.ts';
import type { WidgetFiles } from './widget-files.ts';
import { portalParts, preloadLinks } from './widget-preloads.ts';

export const PAGE_STYLE = [
  ':root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;',
  'line-height:1.5;-webkit-text-size-adjust:100%}',
  '*{box-sizing:border-box}',
  'body{margin:0;min-height:100vh;background:#f3f4f6;color:#111827}',
  'main{max-width:40rem;margin:0 auto;padding:32px 16px 48px}',
  '@media (max-width:480px){main{padding:12px 8px 32px}}',
  'pay-portal{display:block}',
  // Framed, the page is as tall as its content: the frame's height follows it (frame-scripts.ts).
  '.framed body{min-height:0}',
  'pay-portal:not(:defined){min-height:28rem}',
  '.preview{max-width:40rem;margin:0 auto;padding:10px 16px;background:#fef3c7;color:#78350f;',
  'font-size:.875rem;text-align:center;border-bottom:1px solid #fcd34d}',
  '.notice{background:#fff;border:1px solid #e5e7eb;border-radius:12px;padding:24px}',
  'h1{font-size:1.25rem;margin:0 0 8px}p{margin:0;color:#374151}',
].join('');
export const PAGE_STYLE_HASH = styleHash(PAGE_STYLE);

function titleOf(scope: PortalScope, words: PageWords): string {
  const what =
    scope.link.kind === 'invoice' && scope.invoice
      ? words.invoice(scope.invoice.number)
      : scope.link.kind === 'estimate' && scope.estimate
        ? words.estimate(scope.estimate.number)
        : words.account;
  return `${what} · ${scope.business.name}`;
}

export function htmlDocument(
  language: PageLanguage,
  title: string,
  head: string,
  body: string,
): string {
  return [
    '<!doctype html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="robots" content="noindex, nofollow">',
    // No icon request: /favicon.ico is not ours to answer, and each request costs the customer.
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(title)}</title>`,
    head,
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    `<body>${body}</body>`,
    '</html>',
  ].join('\n');
}

/** The module for browsers that have modules, the classic script for those that do not. */
export function scripts(widget: WidgetFiles): string {
  const tag = (name: string, integrity: string | null, attributes: string) =>
    `<script ${attributes} src="/widget/${name}"${integrity ? ` integrity="${integrity}"` : ''}></script>`;
  return [
    widget.module
      ? tag(widget.module.hashedName, widget.module.integrity, 'type="module"')
      : tag('pay-portal.mjs', null, 'type="module"'),
    widget.classic
      ? tag(widget.classic.hashedName, widget.classic.integrity, 'nomodule defer')
      : tag('pay-portal.js', null, 'nomodule defer'),
  ].join('\n');
}

function portalPage(
  scope: PortalScope,
  widget: WidgetFiles,
  language: PageLanguage,
  previewBase: string | null,
  preloads: string,
) {
  const words = pageWords(language);
  const { branding } = scope.settings;
  const contact = branding.phone ?? branding.email;
  const color = /^#[0-9a-f]{6}$/i.test(branding.brand_color) ? branding.brand_color : '#1a56db';
  const apiBase = previewBase ? ` api-base="${escapeHtml(previewBase)}"` : '';
  const body = [
    previewBase ? `<p class="preview" role="note">${escapeHtml(words.preview)}</p>` : '',
    '<main>',
    `<pay-portal token="${escapeHtml(scope.token)}"${apiBase}></pay-portal>`,
    `<noscript><div class="notice"><p>${escapeHtml(words.noScript(scope.business.name, contact))}</p></div></noscript>`,
    '</main>',
  ].join('\n');
  const origins = escapeHtml(scope.settings.allowed_origins.join(' '));
  const head = [
    `<meta name="theme-color" content="${color}">`,
    scripts(widget),
    preloads,
    `<script src="/widget/frame-height.js" data-origins="${origins}"></script>`,
  ].join('\n');
  return htmlDocument(language, titleOf(scope, words), head, body);
}

/** One page for every dead link: nothing in it depends on the token or on why it is dead. */
function noticePage(language: PageLanguage, title: string, heading: string, text: string) {
  const body = `<main><div class="notice" role="alert"><h1>${escapeHtml(heading)}</h1><p>${escapeHtml(text)}</p></div></main>`;
  return htmlDocument(language, title, '', body);
}

export function hostedPageRoutes(widget: WidgetFiles) {
  return new Hono<AppEnv>().get('/:token', async (c) => {
    const language = pageLanguage(c.req.header('accept-language'));
    const words = pageWords(language);
    c.header('Content-Language', language);
    let scope: PortalScope;
    try {
      await portalGuard()(c, async () => {});
      scope = await openPortalLink(c, c.req.param('token'));
    } catch (error) {
      if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 429)) {
        throw error;
      }
      setPageHeaders(c, deadPagePolicy(PAGE_STYLE_HASH));
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return error.status === 404
        ? c.html(noticePage(language, words.deadTitle, words.deadHeading, words.deadBody), 404)
        : c.html(noticePage(language, words.busyTitle, words.busyTitle, words.busyBody), 429);
    }
    const preview = c.req.query('preview') === '1';
    const config = c.get('config');
    setPageHeaders(
      c,
      portalPagePolicy({
        style: PAGE_STYLE_HASH,
        allowedOrigins: scope.settings.allowed_origins,
        provider: config.paymentProvider,
        paypal: config.paypal !== null,
        logoUrl: scope.settings.branding.logo_url,
      }),
    );
    const previewBase = preview ? `${config.publicUrl}/preview` : null;
    // The parts the element asks for at once, fetched with it (the form only with a balance to pay
    // or an estimate that may take a deposit; a scope without facts is taken as payable; the
    // estimate or invoice view that heads an estimate or invoice link).
    const { facts } = scope;
    const payable = !facts || facts.balance > 0 || facts.estimates;
    const heading = scope.estimate ? 'estimate-view' : scope.invoice ? 'invoice-view' : null;
    const parts = portalParts(config.paymentProvider, payable, heading);
    const preloads = preloadLinks(widget, parts);
    // The language the business chose for the customer (issue 12) over the browser's.
    const spoken = customerLanguage(scope.customer.locale) ?? language;
    c.header('Content-Language', spoken);
    return c.html(portalPage(scope, widget, spoken, previewBase, preloads), 200);
  });
}
