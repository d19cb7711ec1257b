/**
 * `GET /b/:slug`: a business's public "Pay your bill" page. It holds `<pay-portal business="…">`,
 * which without a token shows the form that asks for an email or mobile number
 * (POST /v1/access/:slug) and, with `#token=…` in the page's URL, opens the portal at once, so
 * this page can also be a link's target. An unknown slug is a plain 404 page.
 */
import { Hono } from 'hono';
import { businessSettings } from '../businesses/businesses.ts';
import type { AppEnv } from '../http/env.ts';
import { escapeHtml } from '../http/html.ts';
import { htmlDocument, PAGE_STYLE_HASH, scripts } from './hosted-page.ts';
import { deadPagePolicy, portalPagePolicy, setPageHeaders } from './page-security.ts';
import { pageLanguage, pageWords } from './page-words.ts';
import type { WidgetFiles } from './widget-files.ts';

export function accessPageRoutes(widget: WidgetFiles) {
  return new Hono<AppEnv>().get('/:slug', async (c) => {
    const language = pageLanguage(c.req.header('accept-language'));
    const words = pageWords(language);
    c.header('Content-Language', language);
    const slug = c.req.param('slug').toLowerCase();
    const business = /^[a-z0-9-]{1,60}$/.test(slug)
      ? await c.var.db
          .selectFrom('businesses')
          .selectAll()
          .where('slug', '=', slug)
          .executeTakeFirst()
      : undefined;
    if (!business) {
      setPageHeaders(c, deadPagePolicy(PAGE_STYLE_HASH));
      const body = `<main><div class="notice" role="alert"><h1>${escapeHtml(words.deadHeading)}</h1></div></main>`;
      return c.html(htmlDocument(language, words.deadTitle, '', body), 404);
    }
    const settings = businessSettings(business);
    setPageHeaders(
      c,
      portalPagePolicy({
        style: PAGE_STYLE_HASH,
        allowedOrigins: settings.allowed_origins,
        logoUrl: settings.branding.logo_url,
      }),
    );
    const color = /^#[0-9a-f]{6}$/i.test(settings.branding.brand_color)
      ? settings.branding.brand_color
      : '#1a56db';
    const body = [
      '<main>',
      `<pay-portal business="${escapeHtml(slug)}" locale="${escapeHtml(business.locale)}"></pay-portal>`,
      '</main>',
    ].join('\n');
    const head = `<meta name="theme-color" content="${color}">\n${scripts(widget)}`;
    return c.html(htmlDocument(language, business.name, head, body), 200);
  });
}
