/**
 * The headers of every page behind a link: a Content-Security-Policy that allows the page's own
 * files and what Stripe documents for Stripe.js (https://docs.stripe.com/security/guide#content-security-policy),
 * Square's Web Payments SDK, or PayPal's JS SDK (when PayPal is offered beside the card),
 * `frame-ancestors` from the business's allowed origins, no referrer (the token is in the URL),
 * no caching, no sniffing, no indexing.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/** `'sha256-…'` of an inline `<style>` element's text, so no other inline style runs. */
export function styleHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

const STRIPE = {
  script: 'https://js.stripe.com',
  frame: 'https://js.stripe.com https://hooks.stripe.com',
  connect: 'https://api.stripe.com',
};

/**
 * Square's Web Payments SDK: its script and card frames, and where the card is tokenized; Google
 * Pay's script and sheet, Plaid's window for ACH, and Cardinal Commerce's frame, through which
 * Square runs `verifyBuyer`'s 3-D Secure (Square's "Content Security Policy" guide and its
 * developers' forum list these).
 */
const SQUARE = {
  script:
    'https://sandbox.web.squarecdn.com https://web.squarecdn.com https://js.squareupsandbox.com https://js.squareup.com https://pay.google.com https://cdn.plaid.com',
  frame:
    'https://sandbox.web.squarecdn.com https://web.squarecdn.com https://connect.squareupsandbox.com https://connect.squareup.com https://pay.google.com https://cdn.plaid.com https://geoissuer.cardinalcommerce.com',
  connect:
    'https://pci-connect.squareupsandbox.com https://pci-connect.squareup.com https://connect.squareupsandbox.com https://connect.squareup.com https://pay.google.com',
};

/**
 * PayPal's JS SDK: its script from PayPal's origin (live, or its sandbox for test client ids),
 * the Buttons' frames and PayPal's window, and the SDK's calls home.
 */
const PAYPAL = {
  script: 'https://www.paypal.com https://www.sandbox.paypal.com',
  frame: 'https://www.paypal.com https://www.sandbox.paypal.com',
  connect: 'https://www.paypal.com https://www.sandbox.paypal.com',
  img: 'https://www.paypalobjects.com',
};

/** Only well-formed http(s) origins reach a policy, whatever a stored setting holds. */
function safeOrigins(origins: readonly string[]): string[] {
  return origins.filter((origin) => /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(origin));
}

/** The origin of an https logo, for `img-src`, or null. */
function logoOrigin(logoUrl: string | null): string | null {
  if (!logoUrl || !URL.canParse(logoUrl)) return null;
  const url = new URL(logoUrl);
  return url.protocol === 'https:' ? url.origin : null;
}

export interface PortalPolicyInput {
  /** The hash of the page's inline `<style>`. */
  style: string;
  allowedOrigins: readonly string[];
  logoUrl: string | null;
  /** The card provider whose script and frames the page allows (Stripe's unless Square). */
  provider?: string;
  /** PayPal is offered beside the card: its SDK's script, frames and calls are allowed too. */
  paypal?: boolean;
}

/**
 * The live page's policy. Style attributes are allowed (`style-src-attr`): the element sets the
 * business's colour through one, and Stripe positions its frames with them; `<style>` elements
 * are not, beyond the page's own. Browsers without CSP level 3 fall back to `style-src`.
 */
export function portalPagePolicy({
  style,
  allowedOrigins,
  logoUrl,
  provider,
  paypal = false,
}: PortalPolicyInput): string {
  const logo = logoOrigin(logoUrl);
  const card = provider === 'square' ? SQUARE : STRIPE;
  const also = (part: keyof typeof PAYPAL) => (paypal ? ` ${PAYPAL[part]}` : '');
  return [
    "default-src 'self'",
    `script-src 'self' ${card.script}${also('script')}`,
    `style-src 'self' 'unsafe-inline'`,
    `style-src-elem 'self' ${style}`,
    `style-src-attr 'unsafe-inline'`,
    `img-src 'self' data:${logo ? ` ${logo}` : ''}${also('img')}`,
    `connect-src 'self' ${card.connect}${also('connect')}`,
    `frame-src ${card.frame}${also('frame')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${["'self'", ...safeOrigins(allowedOrigins)].join(' ')}`,
  ].join('; ');
}

/**
 * The dead-link page's policy: nothing but its own inline style (and the empty icon). It may be framed anywhere: it
 * holds no data and no action, and an email landing page that frames a dead link should show
 * this message rather than a browser's refusal (a dead token names no business to ask).
 */
export function deadPagePolicy(style: string): string {
  return [
    "default-src 'none'",
    `style-src ${style}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    'frame-ancestors *',
  ].join('; ');
}

export function setPageHeaders(c: Context, policy: string): void {
  c.header('Content-Security-Policy', policy);
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Robots-Tag', 'noindex, nofollow');
}
