/**
 * A PDF's first page as a PNG, drawn by pdf.js (pdfjs-dist, already installed for pdf-parse) in
 * the machine's Chromium: the pictures of PDFs in docs/screenshots where `pdftoppm` is missing.
 *
 *   npx tsx scripts/pdf-to-png.ts in.pdf out.png [scale]
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchChromium } from '../test/e2e/support/browser.ts';

const require = createRequire(import.meta.url);

export async function pdfToPng(pdf: Uint8Array, out: string, scale = 2): Promise<void> {
  const pdfjs = readFileSync(require.resolve('pdfjs-dist/build/pdf.min.mjs'), 'utf8');
  const worker = readFileSync(require.resolve('pdfjs-dist/build/pdf.worker.min.mjs'), 'utf8');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.route('https://pdf.local/**', (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/')
        return route.fulfill({ contentType: 'text/html', body: '<canvas></canvas>' });
      return route.fulfill({
        contentType: 'text/javascript',
        body: path === '/pdf.mjs' ? pdfjs : worker,
      });
    });
    await page.goto('https://pdf.local/');
    const base64 = Buffer.from(pdf).toString('base64');
    await page.evaluate(
      async ({ base64, scale }) => {
        const lib = await import('https://pdf.local/pdf.mjs' as string);
        lib.GlobalWorkerOptions.workerSrc = 'https://pdf.local/worker.mjs';
        const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const doc = await lib.getDocument({ data }).promise;
        const first = await doc.getPage(1);
        const viewport = first.getViewport({ scale });
        const canvas = document.querySelector('canvas')!;
        canvas.width = viewport.width;
        canvas.height = viewport.height;
        await first.render({ canvas, viewport }).promise;
      },
      { base64, scale },
    );
    await page.locator('canvas').screenshot({ path: out });
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [input, output, scale] = process.argv.slice(2);
  if (!input || !output) throw new Error('usage: pdf-to-png.ts in.pdf out.png [scale]');
  await pdfToPng(readFileSync(input), output, scale ? Number(scale) : 2);
}
