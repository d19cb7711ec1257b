/**
 * The page layout invoices and estimates share, drawn with pdfkit (as the receipt is, and with
 * the same DejaVu Sans so any name and currency symbol prints): the business's colour band with
 * its logo, name and the document's number; who it is for and its dates; the lines; the totals;
 * titled blocks of text; and a footer with page numbers.
 */

import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { textOn } from '../businesses/brand-colors.ts';
import type { DocumentBrand } from './brand.ts';
import { SIGNATURE_FONTS } from './signature-font.ts';

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export const MARGIN = 50;
export const INK = '#111827';
export const MUTED = '#4b5563';
export const RULE = '#e5e7eb';
const BAND = 92;
const FOOTER = 28;

export interface Pdf {
  doc: PDFKit.PDFDocument;
  brand: DocumentBrand;
  /** The width between the margins. */
  width: number;
  done: Promise<Buffer>;
}

/** US and Canadian businesses print on Letter; the rest of the world on A4. */
function pageSize(locale: string): 'LETTER' | 'A4' {
  return /-(US|CA)$/i.test(locale) ? 'LETTER' : 'A4';
}

export function newPdf(brand: DocumentBrand, title: string): Pdf {
  const doc = new PDFDocument({
    size: pageSize(brand.locale),
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER },
    font: FONT,
    lang: brand.locale,
    bufferPages: true,
    info: { Title: title, Author: brand.name, Subject: `${brand.name} — ${title}` },
  });
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', FONT_BOLD);
  for (const [name, file] of Object.entries(SIGNATURE_FONTS)) doc.registerFont(name, file);
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, brand, width: doc.page.width - 2 * MARGIN, done };
}

/** The colour band: logo and name on the left, the document's kind and number on the right. */
export function drawHeader(pdf: Pdf, kind: string, number: string) {
  const { doc, brand, width } = pdf;
  const on = textOn(brand.color, INK);
  doc.rect(0, 0, doc.page.width, BAND).fill(brand.color);
  let nameX = MARGIN;
  if (brand.logo) {
    const size = 56;
    const top = (BAND - size) / 2;
    doc.roundedRect(MARGIN, top, size, size, 8).fill('#ffffff');
    try {
      doc.image(brand.logo, MARGIN + 5, top + 5, {
        fit: [size - 10, size - 10],
        align: 'center',
        valign: 'center',
      });
      nameX = MARGIN + size + 14;
    } catch {
      // An image pdfkit cannot read: the name stands alone.
      doc.rect(MARGIN, top, size, size).fill(brand.color);
    }
  }
  const nameWidth = width * 0.62 - (nameX - MARGIN);
  doc.font('bold').fontSize(19).fillColor(on);
  const nameHeight = doc.heightOfString(brand.name, { width: nameWidth, height: 52 });
  doc.text(brand.name, nameX, (BAND - Math.min(nameHeight, 52)) / 2, {
    width: nameWidth,
    height: 52,
    ellipsis: true,
  });
  const right = MARGIN + width * 0.62;
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(on)
    .text(kind.toUpperCase(), right, 28, { width: width * 0.38, align: 'right' })
    .font('bold')
    .fontSize(17)
    .text(number, right, 44, { width: width * 0.38, align: 'right', lineBreak: false });
  const contact = [brand.address, brand.phone, brand.email].filter(Boolean).join('   ·   ');
  doc.font('regular').fontSize(8.5).fillColor(MUTED);
  doc.text(contact, MARGIN, BAND + 12, { width });
  doc.y = Math.max(doc.y, BAND + 12) + 22;
}

/** Who the document is for (left) and its facts (right, label and value). */
export function drawParties(
  pdf: Pdf,
  party: { title: string; name: string; lines: string[] },
  facts: [string, string][],
) {
  const { doc, width } = pdf;
  const top = doc.y;
  const leftWidth = width * 0.5;
  label(pdf, party.title, MARGIN, top, leftWidth);
  doc
    .font('bold')
    .fontSize(11)
    .fillColor(INK)
    .text(party.name, MARGIN, top + 14, { width: leftWidth });
  doc.font('regular').fontSize(9.5).fillColor(MUTED);
  for (const line of party.lines) doc.text(line, { width: leftWidth });
  const leftBottom = doc.y;

  const factsX = MARGIN + width * 0.55;
  const factsWidth = width * 0.45;
  let y = top;
  for (const [name, value] of facts) {
    doc
      .font('regular')
      .fontSize(9.5)
      .fillColor(MUTED)
      .text(name, factsX, y, { width: factsWidth * 0.5 });
    doc
      .font('bold')
      .fillColor(INK)
      .text(value, factsX + factsWidth * 0.45, y, {
        width: factsWidth * 0.55,
        align: 'right',
      });
    y = Math.max(y + 16, doc.y + 3);
  }
  doc.y = Math.max(leftBottom, y) + 24;
}

/** A small muted capital title, as in "BILL TO". */
export function label(pdf: Pdf, text: string, x: number, y: number, width: number) {
  pdf.doc.font('bold').fontSize(7.5).fillColor(MUTED).text(text.toUpperCase(), x, y, { width });
}

/** Starts a new page when fewer than `height` points are left above the footer. */
export function ensureSpace(pdf: Pdf, height: number): boolean {
  const { doc } = pdf;
  if (doc.y + height <= doc.page.height - doc.page.margins.bottom) return false;
  doc.addPage();
  doc.y = MARGIN;
  return true;
}

/** A titled block of free text (notes, terms); kept whole on one page when it fits on one. */
export function drawTextBlock(pdf: Pdf, title: string, text: string) {
  const { doc, width } = pdf;
  doc.font('regular').fontSize(9.5);
  const height = doc.heightOfString(text, { width }) + 18;
  ensureSpace(pdf, Math.min(height, 200));
  label(pdf, title, MARGIN, doc.y, width);
  doc
    .font('regular')
    .fontSize(9.5)
    .fillColor(INK)
    .text(text, MARGIN, doc.y + 4, { width });
  doc.y += 16;
}

/** Page numbers and the business's name at the foot of every page; then the file is done. */
export function finish(pdf: Pdf, pageLabel: (page: number, pages: number) => string) {
  const { doc, brand, width } = pdf;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing below the bottom margin would open a new page; lift the margin while we do.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN;
    doc
      .moveTo(MARGIN, y - 8)
      .lineTo(MARGIN + width, y - 8)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.font('regular').fontSize(8).fillColor(MUTED);
    doc.text(brand.name, MARGIN, y, { width: width / 2, lineBreak: false });
    doc.text(pageLabel(i + 1 - range.start, range.count), MARGIN + width / 2, y, {
      width: width / 2,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return pdf.done;
}
