/**
 * The receipt as an 80 mm strip for a counter's thermal printer (settings' `receipt_layout:
 * "thermal"`): 80 mm wide (226.77 pt; such printers print about 72 mm of it), as long as its
 * content, black on white, no colour band (thermal heads print one colour, and a grey band prints
 * as a black slab); the business's logo, when it has one, small and centred at the top. The same figures as the full page: business, receipt number,
 * date, payer, method, each line, subtotal, tip, fee, total, refunds; "TEST MODE" on a sandbox
 * payment's receipt.
 *
 * pdfkit fixes a page's size when the page is made, so the strip is drawn twice: once on a tall
 * page to learn where it ends, then on a page of exactly that length.
 */
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import {
  drawPdfTable,
  drawRule,
  type PdfRow,
  type PdfTable,
  type PdfTableFrame,
} from './pdf-line-table.ts';
import type { Receipt } from './receipt-data.ts';
import { lineLabel, methodLabel, money, paidOn, receiptWords } from './receipt-words.ts';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

/** 80 mm in PDF points (1 pt = 1/72 inch). */
export const THERMAL_WIDTH = (80 / 25.4) * 72;
/** About 4 mm each side: the strip's printable 72 mm, centred. */
const MARGIN = 12;
const TALL = 5000;

/** `logo`: the business's PNG or JPEG, printed small and centred above its name. */
export async function drawThermalReceiptPdf(
  receipt: Receipt,
  logo: Buffer | null = null,
): Promise<Buffer> {
  const measure = newStrip(receipt, TALL);
  const length = Math.ceil(drawStrip(measure, receipt, logo)) + MARGIN;
  measure.end();
  const strip = newStrip(receipt, length);
  const done = collect(strip);
  drawStrip(strip, receipt, logo);
  strip.end();
  return done;
}

function newStrip(receipt: Receipt, height: number): PDFKit.PDFDocument {
  const words = receiptWords(receipt.business.locale);
  const doc = new PDFDocument({
    size: [THERMAL_WIDTH, height],
    margin: MARGIN,
    font: FONT,
    lang: receipt.business.locale,
    info: {
      Title: `${words.receipt} ${receipt.payment.receiptNumber ?? ''}`.trim(),
      Author: receipt.business.name,
    },
  });
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', FONT_BOLD);
  return doc;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

/** At most 48 pt (17 mm) square, centred; an image pdfkit cannot read is left out. */
const LOGO = 48;
function drawLogo(doc: PDFKit.PDFDocument, logo: Buffer) {
  try {
    doc.image(logo, (THERMAL_WIDTH - LOGO) / 2, doc.y, {
      fit: [LOGO, LOGO],
      align: 'center',
      valign: 'center',
    });
    doc.y += LOGO + 6;
  } catch {
    // The name stands alone.
  }
}

/** Draws the strip from the top; answers where it ends. */
function drawStrip(doc: PDFKit.PDFDocument, receipt: Receipt, logo: Buffer | null): number {
  const words = receiptWords(receipt.business.locale);
  const width = THERMAL_WIDTH - 2 * MARGIN;
  const centre = (text: string, font: 'regular' | 'bold', size: number) =>
    doc.font(font).fontSize(size).fillColor('#000000').text(text, MARGIN, doc.y, {
      width,
      align: 'center',
    });
  const rule = () => {
    doc.y += 4;
    drawRule(doc, MARGIN, width, { color: '#000000', width: 0.6, dash: 2, gap: 6 });
  };
  // One long strip: no page ever breaks.
  const frame: PdfTableFrame = { doc, x: MARGIN, width, ensureSpace: () => false };
  const table: PdfTable = {
    columns: [{ width: 0 }, { width: 82, align: 'right' }],
    look: {
      fontSize: 8.5,
      headFontSize: 8.5,
      padding: 2,
      inset: 0,
      ink: '#000000',
      headInk: '#000000',
      headFill: null,
      rule: null,
    },
  };
  const rows = (list: PdfRow[]) => drawPdfTable(frame, table, list);
  doc.y = MARGIN;
  if (logo) drawLogo(doc, logo);
  centre(receipt.business.name, 'bold', 12);
  for (const line of [receipt.business.address, receipt.business.phone, receipt.business.email]) {
    if (line) centre(line, 'regular', 7.5);
  }
  doc.y += 6;
  if (receipt.payment.testMode) {
    centre(`*** ${words.testMode} ***`, 'bold', 10);
    doc.y += 2;
  }
  centre(
    `${words.receipt.toUpperCase()} ${receipt.payment.receiptNumber ?? ''}`.trim(),
    'bold',
    10,
  );
  centre(paidOn(receipt), 'regular', 8);
  rule();
  doc.font('regular').fontSize(8).fillColor('#000000');
  doc.text(`${words.billedTo}: ${receipt.customer.name}`, MARGIN, doc.y, { width });
  doc.text(`${words.paymentMethod}: ${methodLabel(receipt)}`, MARGIN, doc.y, { width });
  rule();
  rows(
    receipt.lines.map((line) => ({
      cells: [lineLabel(line, receipt.business.locale), money(receipt, line.amount)],
    })),
  );
  rule();
  const { tip, fee, subtotal, total } = receipt.payment;
  const figures: PdfRow[] = [];
  if (tip > 0 || fee > 0) figures.push({ cells: [words.subtotal, money(receipt, subtotal)] });
  if (tip > 0) figures.push({ cells: [words.tip, money(receipt, tip)] });
  if (fee > 0) figures.push({ cells: [words.fee, money(receipt, fee)] });
  figures.push({ cells: [words.total, money(receipt, total)], strong: true, fontSize: 10 });
  if (receipt.refunded > 0) {
    figures.push({ cells: [words.refunded, money(receipt, -receipt.refunded)] });
  }
  rows(figures);
  rule();
  if (receipt.payment.testMode) centre(words.testModeNote, 'regular', 7.5);
  centre(words.thanks(receipt.business.name), 'regular', 8);
  return doc.y;
}
