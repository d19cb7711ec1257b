/** The line table and the totals under it, as invoices and estimates print them. */
import { ensureSpace, INK, MARGIN, MUTED, type Pdf, RULE } from './pdf-layout.ts';

export interface TableLine {
  description: string;
  quantity: string;
  unitPrice: string;
  tax: string;
  amount: string;
}

/** The lines, with their header row again at the top of each page they run onto. */
export function drawLineTable(pdf: Pdf, head: TableLine, lines: readonly TableLine[]) {
  const { doc, width } = pdf;
  const cols = [
    { key: 'description', width: width - 272, align: 'left' },
    { key: 'quantity', width: 42, align: 'right' },
    { key: 'unitPrice', width: 86, align: 'right' },
    { key: 'tax', width: 58, align: 'right' },
    { key: 'amount', width: 86, align: 'right' },
  ] as const;
  const drawRow = (row: TableLine, isHead: boolean) => {
    doc.font(isHead ? 'bold' : 'regular').fontSize(isHead ? 8 : 9.5);
    const height =
      Math.max(...cols.map((col) => doc.heightOfString(row[col.key], { width: col.width - 8 }))) +
      12;
    if (!isHead && ensureSpace(pdf, height)) drawRow(head, true);
    const top = doc.y;
    if (isHead) doc.rect(MARGIN, top, width, height).fill('#f3f4f6');
    let x = MARGIN;
    for (const col of cols) {
      doc
        .fillColor(isHead ? MUTED : INK)
        .text(row[col.key], x + 4, top + 6, { width: col.width - 8, align: col.align });
      x += col.width;
    }
    if (!isHead) {
      doc
        .moveTo(MARGIN, top + height)
        .lineTo(MARGIN + width, top + height)
        .lineWidth(0.6)
        .strokeColor(RULE)
        .stroke();
    }
    doc.y = top + height;
  };
  drawRow(head, true);
  for (const line of lines) drawRow(line, false);
  doc.y += 14;
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
