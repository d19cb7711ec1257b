/**
 * The receipt as a PDF, drawn with pdfkit: a maintained generator that lays text out for us
 * (wrapping, alignment, pages) and embeds a subset of a TrueType font, so a customer's name in
 * any Latin, Greek or Cyrillic script and every currency symbol print right. The font is DejaVu
 * Sans from the `dejavu-fonts-ttf` package; PDF's built-in Helvetica knows only WinAnsi.
 *
 * Shown: the business (brand colour band, name, contact), receipt number, date, who paid, the
 * method ("Visa •••• 4242"), each invoice paid and the account balance part, tip, fee, total,
 * and anything refunded since.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { brandColor, textOn } from '../businesses/brand-colors.ts';
import type { Db, Trx } from '../db/database.ts';
import { notFound } from '../http/errors.ts';
import { businessLogo } from './brand.ts';
import {
  drawPdfTable,
  drawRule,
  type PdfRow,
  type PdfTable,
  type PdfTableFrame,
  type PdfTableLook,
} from './pdf-line-table.ts';
import { loadReceipt, type Receipt } from './receipt-data.ts';
import { drawThermalReceiptPdf } from './receipt-thermal-pdf.ts';
import { lineLabel, methodLabel, money, paidOn, receiptWords } from './receipt-words.ts';

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | null = null;

/** The font files, read once: every receipt embeds a subset of them. */
function receiptFonts() {
  fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

const MARGIN = 56;
const MUTED = '#555555';
const RULE = '#dddddd';

export interface ReceiptPdf {
  /** `receipt-R-000123.pdf` */
  filename: string;
  pdf: Buffer;
}

/**
 * The receipt of a succeeded payment, in the layout the business chose (a full page, or an 80 mm
 * thermal strip); a payment with no receipt yet is a 404.
 */
export async function renderReceiptPdf(db: Db | Trx, paymentId: string): Promise<ReceiptPdf> {
  const receipt = await loadReceipt(db, paymentId);
  if (receipt.payment.status !== 'succeeded' || !receipt.payment.receiptNumber) {
    throw notFound('receipt', 'id');
  }
  // The logo as the invoice, estimate and statement PDFs draw it (documentBrand).
  const logo = await businessLogo(db, receipt.business.id, receipt.business.logoUrl);
  return {
    filename: `receipt-${receipt.payment.receiptNumber}.pdf`,
    pdf:
      receipt.business.receiptLayout === 'thermal'
        ? await drawThermalReceiptPdf(receipt, logo)
        : await drawReceiptPdf(receipt, logo),
  };
}

/** US and Canadian businesses print on Letter; the rest of the world on A4. */
function pageSize(locale: string): 'LETTER' | 'A4' {
  return /-(US|CA)$/i.test(locale) ? 'LETTER' : 'A4';
}

/** `logo`: the business's PNG or JPEG, drawn in the colour band as on its invoices. */
export function drawReceiptPdf(receipt: Receipt, logo: Buffer | null = null): Promise<Buffer> {
  const words = receiptWords(receipt.business.locale);
  const { regular, bold } = receiptFonts();
  const doc = new PDFDocument({
    size: pageSize(receipt.business.locale),
    margin: MARGIN,
    font: regular as unknown as string,
    lang: receipt.business.locale,
    info: {
      Title: `${words.receipt} ${receipt.payment.receiptNumber ?? ''}`.trim(),
      Author: receipt.business.name,
      Subject: `${receipt.business.name} — ${words.receipt}`,
    },
  });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * MARGIN;
  drawHeader(doc, receipt, width, logo);
  if (receipt.payment.testMode) drawTestMode(doc, words.testModeNote, width);
  drawDetails(doc, receipt, width);
  drawFigures(doc, receipt, width);
  doc
    .moveDown(2)
    .font('regular')
    .fontSize(10)
    .fillColor(MUTED)
    .text(words.thanks(receipt.business.name), MARGIN, doc.y, { width, align: 'center' });
  doc.end();
  return done;
}

function drawHeader(doc: PDFKit.PDFDocument, receipt: Receipt, width: number, logo: Buffer | null) {
  const words = receiptWords(receipt.business.locale);
  const bandHeight = 84;
  const color = brandColor(receipt.business.brandColor);
  doc.rect(0, 0, doc.page.width, bandHeight).fill(color);
  const nameX = logo && drawLogo(doc, logo, bandHeight, color) ? MARGIN + LOGO + 14 : MARGIN;
  // A long name shrinks to fit beside the receipt number, then ends with an ellipsis.
  const nameWidth = width * 0.62 - (nameX - MARGIN);
  let size = 20;
  doc.font('bold').fontSize(size);
  while (size > 12 && doc.widthOfString(receipt.business.name) > nameWidth) {
    size -= 1;
    doc.fontSize(size);
  }
  doc
    .fillColor(textOn(receipt.business.brandColor))
    .text(receipt.business.name, nameX, bandHeight / 2 - size * 0.6, {
      width: nameWidth,
      height: size * 1.2,
      ellipsis: true,
    });
  doc
    .font('regular')
    .fontSize(11)
    .text(words.receipt.toUpperCase(), MARGIN + width * 0.6, 26, {
      width: width * 0.4,
      align: 'right',
    })
    .font('bold')
    .fontSize(14)
    .text(receipt.payment.receiptNumber ?? '', MARGIN + width * 0.6, 42, {
      width: width * 0.4,
      align: 'right',
    });
  const contact = [receipt.business.address, receipt.business.phone, receipt.business.email]
    .filter(Boolean)
    .join('  ·  ');
  doc.y = bandHeight + 14;
  if (contact)
    doc.font('regular').fontSize(9).fillColor(MUTED).text(contact, MARGIN, doc.y, { width });
  doc.y += 20;
}

const LOGO = 56;

/**
 * The logo on a white tile at the band's left, as pdf-layout.ts draws it on invoices; false (and
 * the tile painted over) when pdfkit cannot read the image, so the name stands alone.
 */
function drawLogo(doc: PDFKit.PDFDocument, logo: Buffer, bandHeight: number, color: string) {
  const top = (bandHeight - LOGO) / 2;
  doc.roundedRect(MARGIN, top, LOGO, LOGO, 8).fill('#ffffff');
  try {
    doc.image(logo, MARGIN + 5, top + 5, {
      fit: [LOGO - 10, LOGO - 10],
      align: 'center',
      valign: 'center',
    });
    return true;
  } catch {
    doc.rect(MARGIN, top, LOGO, LOGO).fill(color);
    return false;
  }
}

/** A sandbox payment's receipt says, in a box no one can miss, that no money moved. */
function drawTestMode(doc: PDFKit.PDFDocument, note: string, width: number) {
  const top = doc.y - 8;
  doc.font('bold').fontSize(11);
  const height = doc.heightOfString(note, { width: width - 20 }) + 14;
  doc.roundedRect(MARGIN, top, width, height, 4).lineWidth(1.5).strokeColor('#b45309').stroke();
  doc.fillColor('#92400e').text(note, MARGIN + 10, top + 7, { width: width - 20 });
  doc.y = top + height + 18;
}

function drawDetails(doc: PDFKit.PDFDocument, receipt: Receipt, width: number) {
  const words = receiptWords(receipt.business.locale);
  const rows: [string, string][] = [
    [words.receiptNumber, receipt.payment.receiptNumber ?? '—'],
    [words.date, paidOn(receipt)],
    [words.billedTo, [receipt.customer.name, receipt.customer.email].filter(Boolean).join('\n')],
    [words.paymentMethod, methodLabel(receipt)],
  ];
  const labelWidth = 150;
  for (const [label, value] of rows) {
    const top = doc.y;
    doc
      .font('regular')
      .fontSize(10)
      .fillColor(MUTED)
      .text(label, MARGIN, top, { width: labelWidth });
    doc.fillColor('#222222').text(value, MARGIN + labelWidth, top, { width: width - labelWidth });
    doc.y = Math.max(doc.y, top) + 6;
  }
  doc.y += 18;
}

/** The receipt's table: each line, then subtotal, tip, fee, total and refunds, right-aligned. */
function drawFigures(doc: PDFKit.PDFDocument, receipt: Receipt, width: number) {
  const words = receiptWords(receipt.business.locale);
  const frame: PdfTableFrame = {
    doc,
    x: MARGIN,
    width,
    ensureSpace: (height) => {
      if (doc.y + height <= doc.page.height - MARGIN) return false;
      doc.addPage();
      return true;
    },
  };
  const look: PdfTableLook = {
    fontSize: 10,
    headFontSize: 10,
    padding: 6,
    inset: 0,
    ink: '#222222',
    headInk: MUTED,
    headFill: null,
    rule: { color: RULE, width: 0.7, gap: 8 },
    ruleUnderHead: true,
  };
  const table: PdfTable = {
    columns: [{ width: 0 }, { width: 152, align: 'right' }],
    look,
    head: [words.description, words.amount],
  };
  const rule = () => drawRule(doc, MARGIN, width, look.rule!);
  drawPdfTable(
    frame,
    table,
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
  const figuresTable = { ...table, showHead: false };
  drawPdfTable(frame, figuresTable, figures);
  if (figures.length > 0) rule();
  const last: PdfRow[] = [
    { cells: [words.total, money(receipt, total)], strong: true, fontSize: 12 },
  ];
  if (receipt.refunded > 0)
    last.push({ cells: [words.refunded, money(receipt, -receipt.refunded)] });
  drawPdfTable(frame, figuresTable, last);
}
