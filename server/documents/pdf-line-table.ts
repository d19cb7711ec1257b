/**
 * The one table every PDF draws its lines with (issue 11: the PDFs share their tables as the
 * screen's views share widget/styles/line-table): the invoice's and the estimate's lines, the
 * statement's entries, the receipt's lines and figures, the thermal strip's. Columns have a width
 * (one of them 0: it takes what is left) and an alignment; a row is its cells, plain or strong;
 * each row is as tall as its tallest cell, and a row that would cross the page's foot starts a new
 * page (the caller says how) with the header row again on top. A `PdfTableLook` says how it looks,
 * so each document keeps its own type sizes and rules.
 */

export interface PdfColumn {
  /** Points; 0 takes the width the other columns leave. */
  width: number;
  align?: 'left' | 'right';
}

export interface PdfRow {
  cells: readonly string[];
  /** Bold (an opening or closing balance, a total). */
  strong?: boolean;
  /** A larger or smaller type than the look's, for this row. */
  fontSize?: number;
}

export interface PdfTableLook {
  fontSize: number;
  headFontSize: number;
  /** Space above and below each row's text, together. */
  padding: number;
  /** Space between a cell's edge and its text, each side. */
  inset: number;
  ink: string;
  headInk: string;
  /** The header row's background, or null for none. */
  headFill: string | null;
  /** A line under each body row, under the header row, or none. */
  /** `gap`: space left under the rule. */
  rule: { color: string; width: number; dash?: number; gap?: number } | null;
  ruleUnderHead?: boolean;
  ruleUnderRows?: boolean;
}

export interface PdfTableFrame {
  doc: PDFKit.PDFDocument;
  /** The table's left edge and width. */
  x: number;
  width: number;
  /** Makes room for `height` points, on a new page if needed; true when it started one. */
  ensureSpace(height: number): boolean;
}

export interface PdfTable {
  columns: readonly PdfColumn[];
  look: PdfTableLook;
  /** The header row: drawn first (unless `showHead` is false) and again atop each new page. */
  head?: readonly string[] | null;
  showHead?: boolean;
}

/** Draws `rows` from the frame's `doc.y`; leaves `doc.y` under the last row. */
export function drawPdfTable(frame: PdfTableFrame, table: PdfTable, rows: readonly PdfRow[]) {
  const widths = columnWidths(frame.width, table.columns);
  const { head } = table;
  const drawHead = () => {
    if (head) drawRow(frame, table, widths, { cells: head }, true);
  };
  if (table.showHead !== false) drawHead();
  for (const row of rows) {
    const height = rowHeight(frame.doc, table, widths, row, false);
    if (frame.ensureSpace(height)) drawHead();
    drawRow(frame, table, widths, row, false);
  }
}

function columnWidths(width: number, columns: readonly PdfColumn[]): number[] {
  const fixed = columns.reduce((sum, column) => sum + column.width, 0);
  return columns.map((column) => column.width || Math.max(width - fixed, 0));
}

function font(doc: PDFKit.PDFDocument, look: PdfTableLook, row: PdfRow, isHead: boolean) {
  return doc
    .font(isHead || row.strong ? 'bold' : 'regular')
    .fontSize(isHead ? look.headFontSize : (row.fontSize ?? look.fontSize));
}

function rowHeight(
  doc: PDFKit.PDFDocument,
  table: PdfTable,
  widths: number[],
  row: PdfRow,
  isHead: boolean,
): number {
  const { look } = table;
  font(doc, look, row, isHead);
  const tallest = Math.max(
    ...row.cells.map((cell, i) =>
      doc.heightOfString(cell || ' ', { width: widths[i]! - 2 * look.inset }),
    ),
  );
  return tallest + look.padding;
}

function drawRow(
  frame: PdfTableFrame,
  table: PdfTable,
  widths: number[],
  row: PdfRow,
  isHead: boolean,
) {
  const { doc, x, width } = frame;
  const { look } = table;
  const height = rowHeight(doc, table, widths, row, isHead);
  const top = doc.y;
  if (isHead && look.headFill) doc.rect(x, top, width, height).fill(look.headFill);
  font(doc, look, row, isHead).fillColor(isHead ? look.headInk : look.ink);
  let left = x;
  row.cells.forEach((cell, i) => {
    const columnWidth = widths[i]!;
    doc.text(cell, left + look.inset, top + look.padding / 2, {
      width: columnWidth - 2 * look.inset,
      align: table.columns[i]?.align ?? 'left',
    });
    left += columnWidth;
  });
  doc.y = top + height;
  if (look.rule && (isHead ? look.ruleUnderHead : look.ruleUnderRows)) {
    drawRule(doc, x, width, look.rule);
  }
}

/** A rule across the table's width at `doc.y` (dashed on a thermal strip). */
export function drawRule(
  doc: PDFKit.PDFDocument,
  x: number,
  width: number,
  rule: NonNullable<PdfTableLook['rule']>,
) {
  doc.moveTo(x, doc.y).lineTo(x + width, doc.y);
  if (rule.dash) doc.dash(rule.dash, { space: rule.dash });
  doc.lineWidth(rule.width).strokeColor(rule.color).stroke();
  if (rule.dash) doc.undash();
  doc.y += rule.gap ?? 0;
}
