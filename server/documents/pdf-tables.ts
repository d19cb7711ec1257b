/** The line table and the totals under it, as invoices and estimates print them. */

import { ensureSpace, INK, MARGIN, MUTED, type Pdf, RULE } from './pdf-layout.ts';
import { drawPdfTable, type PdfTableFrame, type PdfTableLook } from './pdf-line-table.ts';

export interface TableLine {
  description: string;
  quantity: string;
  unitPrice: string;
  tax: string;
  amount: string;
}

/** The lines, with their header row again at the top of each page they run onto. */
export function drawLineTable(pdf: Pdf, head: TableLine, lines: readonly TableLine[]) {
  const keys = ['description', 'quantity', 'unitPrice', 'tax', 'amount'] as const;
  drawPdfTable(
    pageFrame(pdf),
    {
      columns: [
        { width: 0 },
        { width: 42, align: 'right' },
        { width: 86, align: 'right' },
        { width: 58, align: 'right' },
        { width: 86, align: 'right' },
      ],
      look: PAGE_TABLE,
      head: keys.map((key) => head[key]),
    },
    lines.map((line) => ({ cells: keys.map((key) => line[key]) })),
  );
  pdf.doc.y += 14;
}

/** How the page documents' tables look: a grey header row, a hairline under each row. */
export const PAGE_TABLE: PdfTableLook = {
  fontSize: 9.5,
  headFontSize: 8,
  padding: 12,
  inset: 4,
  ink: INK,
  headInk: MUTED,
  headFill: '#f3f4f6',
  rule: { color: RULE, width: 0.6 },
  ruleUnderRows: true,
};

/** A table across the page layout's width, breaking pages as the layout does. */
export function pageFrame(pdf: Pdf): PdfTableFrame {
  return {
    doc: pdf.doc,
    x: MARGIN,
    width: pdf.width,
    ensureSpace: (height) => ensureSpace(pdf, height),
  };
}

export interface TotalRow {
  label: string;
  value: string;
  style?: 'line' | 'muted' | 'total' | 'due';
}

/** The figures under the lines, right-aligned; `due` is set in a tinted box in the brand colour. */
export function drawTotals(pdf: Pdf, rows: readonly TotalRow[]) {
  const { doc, width, brand } = pdf;
  const boxWidth = 300;
  const valueWidth = 100;
  const x = MARGIN + width - boxWidth;
  for (const row of rows) {
    const style = row.style ?? 'line';
    const big = style === 'due';
    doc.font(style === 'line' || style === 'muted' ? 'regular' : 'bold').fontSize(big ? 12 : 9.5);
    const height =
      doc.heightOfString(row.label, { width: boxWidth - valueWidth - 2 * (big ? 10 : 0) }) +
      (big ? 16 : 8);
    ensureSpace(pdf, height + 4);
    const top = doc.y;
    if (style === 'total') {
      doc
        .moveTo(x, top)
        .lineTo(x + boxWidth, top)
        .lineWidth(0.8)
        .strokeColor('#9ca3af')
        .stroke();
    }
    if (big) {
      doc
        .save()
        .roundedRect(x, top + 2, boxWidth, height, 6)
        .fillOpacity(0.1)
        .fill(brand.color)
        .restore();
    }
    const color = style === 'muted' ? MUTED : INK;
    const pad = big ? 10 : 0;
    doc
      .fillColor(color)
      .text(row.label, x + pad, top + (big ? 10 : 4), { width: boxWidth - valueWidth - 2 * pad });
    doc.fillColor(color).text(row.value, x + boxWidth - valueWidth - pad, top + (big ? 10 : 4), {
      width: valueWidth,
      align: 'right',
    });
    doc.y = top + height + (big ? 6 : 0);
  }
  doc.y += 16;
}
