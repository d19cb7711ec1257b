/**
 * The two embedding examples of demo/examples/: a business's website with the script tag
 * (`website.html`) and an email landing page with the hosted page in an iframe
 * (`email-landing.html`). The files hold placeholders that become this server's URLs, the
 * pinned script with its integrity, and the link's token. The demo serves them under
 * /demo/examples/; the end-to-end tests serve the same rendering from a second origin.
 */
import { readFileSync } from 'node:fs';
import { APP_ROOT } from '../config.ts';
import { escapeHtml } from '../http/html.ts';
import type { WidgetFiles } from './widget-files.ts';

export const EXAMPLES_DIR = `${APP_ROOT}demo/examples/`;
export const EXAMPLE_PAGES = ['website.html', 'email-landing.html'] as const;
export type ExamplePage = (typeof EXAMPLE_PAGES)[number];

export function isExamplePage(name: string): name is ExamplePage {
  return (EXAMPLE_PAGES as readonly string[]).includes(name);
}

export interface ExampleInput {
  publicUrl: string;
  widget: WidgetFiles;
  /** The link token; a placeholder shows the element's dead-link message. */
  token: string | null;
}

export function renderExample(name: ExamplePage, input: ExampleInput, dir = EXAMPLES_DIR) {
  const template = readFileSync(`${dir}${name}`, 'utf8');
  const token = escapeHtml(input.token || 'LINK_TOKEN');
  const classic = input.widget.classic;
  const scriptTag = classic
    ? `<script src="${input.publicUrl}/widget/${classic.hashedName}" integrity="${classic.integrity}" crossorigin="anonymous" async></script>`
    : `<script src="${input.publicUrl}/widget/pay-portal.js" async></script>`;
  const iframe =
    `<iframe src="${input.publicUrl}/p/${token}" title="Pay your bill" ` +
    'referrerpolicy="no-referrer" allow="payment"></iframe>\n' +
    `    <script src="${input.publicUrl}/widget/frame-resize.js" async></script>`;
  return template
    .replaceAll('{{SCRIPT_TAG}}', scriptTag)
    .replaceAll('{{IFRAME}}', iframe)
    .replaceAll('{{TOKEN}}', token);
}

export function exampleStylesheet(dir = EXAMPLES_DIR): string {
  return readFileSync(`${dir}example.css`, 'utf8');
}
