/**
 * `GET /`: what a person sees first (issue 15, "the first minute"). It says what this server is
 * and where to go next: the staff page and each demo portal link in demo mode, the API reference
 * always. It holds no secret: the demo's API key stays in the terminal that started the server.
 * The demo links carry tokens, hence no referrer, no caching and no framing.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { escapeHtml } from '../http/html.ts';
import { setPageHeaders, styleHash } from './page-security.ts';

/** A portal link of the demo business, as `npm start` prints it. */
export interface DemoLink {
  label: string;
  url: string;
}

const STYLE = [
  ':root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;',
  'line-height:1.5;-webkit-text-size-adjust:100%;color:#111827}',
  '*{box-sizing:border-box}',
  'body{margin:0;background:#f3f4f6}',
  'main{max-width:44rem;margin:0 auto;padding:40px 16px 56px}',
  '@media (max-width:480px){main{padding:20px 12px 40px}}',
  'h1{font-size:1.75rem;margin:0 0 4px}',
  'h2{font-size:1.125rem;margin:0 0 8px}',
  'p{margin:0 0 12px;color:#374151}',
  'section{background:#fff;border:1px solid #e5e7eb;border-radius:12px;padding:20px;margin-top:16px}',
  'ul{margin:0;padding:0;list-style:none}',
  'li{padding:8px 0;border-top:1px solid #f3f4f6;display:flex;flex-wrap:wrap;gap:4px 12px;',
  'justify-content:space-between}',
  'li:first-child{border-top:0}',
  'a{color:#1d4ed8;font-weight:600}',
  'a.button{display:inline-block;background:#0e7490;color:#fff;border-radius:8px;',
  'padding:10px 16px;text-decoration:none;margin:4px 8px 0 0}',
  'a.button:focus-visible,a:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}',
  '.lead{font-size:1.0625rem}',
  '.mode{display:inline-block;font-size:.8125rem;font-weight:600;border-radius:999px;',
  'padding:2px 10px;background:#fef3c7;color:#78350f;margin-bottom:12px}',
  'code{font-size:.875em;background:#f3f4f6;border-radius:4px;padding:1px 4px;white-space:nowrap}',
].join('');
const STYLE_HASH = styleHash(STYLE);

const POLICY = [
  "default-src 'none'",
  `style-src ${STYLE_HASH}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface HomeInput {
  demo: boolean;
  sandbox: boolean;
  demoLinks: readonly DemoLink[];
}

function homePage({ demo, sandbox, demoLinks }: HomeInput): string {
  const staff = demo
    ? [
        '<section aria-labelledby="staff">',
        '<h2 id="staff">Staff</h2>',
        '<p>Create customers, charges, invoices and estimates; make, copy, send and regenerate ',
        'payment links; refund payments; watch who opened and who paid.</p>',
        '<p>Sign in with the demo business’s API key: the terminal that ran <code>npm start</code> ',
        'printed it.</p>',
        '<a class="button" href="/demo">Open the staff page</a>',
        '</section>',
      ]
    : [];
  const links =
    demo && demoLinks.length > 0
      ? [
          '<section aria-labelledby="portal">',
          '<h2 id="portal">What a customer sees</h2>',
          '<p>The demo business’s payment links, one for each thing a customer can be sent. ',
          sandbox ? 'Pay with the test card <code>4242 4242 4242 4242</code>.</p>' : '</p>',
          '<ul>',
          ...demoLinks.map(
            (link) => `<li><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></li>`,
          ),
          '</ul>',
          '</section>',
        ]
      : [];
  const body = [
    '<main>',
    '<h1>Pay Portal</h1>',
    sandbox ? '<span class="mode">Test mode: no real money moves</span>' : '',
    '<p class="lead">This server lets a service business get paid: each customer gets an ',
    'unguessable payment link, opens it on a phone, sees what they owe, pays (with a tip if they ',
    'like) and gets a receipt. No account, no password.</p>',
    ...links,
    ...staff,
    '<section aria-labelledby="build">',
    '<h2 id="build">Build on it</h2>',
    '<p>Every figure, link and payment is in the REST API. Embed the ',
    '<code>&lt;pay-portal&gt;</code> element on any site with one script tag.</p>',
    '<a class="button" href="/docs">Read the API reference</a>',
    '<ul>',
    '<li><span>OpenAPI document</span><a href="/openapi.json">/openapi.json</a></li>',
    '<li><span>The element (ES module)</span><a href="/widget/pay-portal.mjs">/widget/pay-portal.mjs</a></li>',
    '<li><span>Health check</span><a href="/health">/health</a></li>',
    '</ul>',
    '</section>',
    '</main>',
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<link rel="icon" href="data:,">',
    '<title>Pay Portal</title>',
    `<style>${STYLE}</style>`,
    '</head>',
    `<body>${body.join('\n')}</body>`,
    '</html>',
  ].join('\n');
}

export function homePageRoutes(demoLinks: () => readonly DemoLink[]) {
  return new Hono<AppEnv>().get('/', (c) => {
    const { demo, paymentProvider } = c.var.config;
    setPageHeaders(c, POLICY);
    return c.html(
      homePage({
        demo,
        sandbox: paymentProvider === 'sandbox',
        demoLinks: demo ? demoLinks() : [],
      }),
    );
  });
}
