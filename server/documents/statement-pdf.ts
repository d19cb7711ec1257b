/**
 * The account statement as a PDF, on the page layout invoices and estimates share: the business's
 * band with "Statement" and the period, the customer and the statement's facts, then a table of
 * date, entry, amount and running balance between the opening and the closing balance. A credit
 * balance reads "$12.50 credit", as the portal says it.
 */
import { DocumentFormat } from './document-words.ts';
import { customerParty } from './invoice-pdf.ts';
import {
  drawHeader,
  drawParties,
  ensureSpace,
  finish,
  INK,
  MARGIN,
  MUTED,
  newPdf,
  type Pdf,
  RULE,
} from './pdf-layout.ts';
import type { Statement, StatementEntry } from './statement-data.ts';
import { statementWords } from './statement-words.ts';

export async function renderStatementPdf(
  statement: Statement,
): Promise<{ filename: string; pdf: Buffer }> {
  const { brand, period } = statement;
  const words = statementWords(brand.locale);
  const format = new DocumentFormat(brand.locale, statement.currency);
  const balance = (amount: number) =>
    amount < 0 ? words.credit(format.money(-amount)) : format.money(amount);
  const range = `${format.day(period.from)} – ${format.day(period.to)}`;
  const pdf = newPdf(brand, `${words.statement} ${range}`);
  // The band names the day the statement runs to, as bank statements do; the period is below.
  drawHeader(pdf, words.statement, format.day(period.to));
  drawParties(pdf, customerParty(words.accountOf, statement.customer), [
    [words.period, range],
    [words.issued, format.day(statement.issued)],
    [words.openingBalance, balance(statement.opening)],
    [words.closingBalance, balance(statement.closing)],
  ]);

  const table = new StatementTable(pdf, [words.date, words.entry, words.amount, words.balance]);
  table.head();
  table.row([format.day(period.from), words.openingBalance, '', balance(statement.opening)], true);
  for (const entry of statement.entries) {
    table.row([
      format.day(entry.date),
      entryText(words, entry),
      format.money(entry.amount),
      balance(entry.balance),
    ]);
  }
  if (statement.entries.length === 0) {
    pdf.doc
      .font('regular')
      .fontSize(9.5)
      .fillColor(MUTED)
      .text(words.nothing, MARGIN + 4, pdf.doc.y + 8);
    pdf.doc.y += 8;
  }
  table.row([format.day(period.to), words.closingBalance, '', balance(statement.closing)], true);
  const pdfBytes = await finish(pdf, words.page);
  return { filename: `statement-${period.from}-${period.to}.pdf`, pdf: pdfBytes };
}

/** "Tip · Receipt R-000001 · Tip"; a number the description already names is not repeated. */
function entryText(words: ReturnType<typeof statementWords>, entry: StatementEntry): string {
  const parts = [words.kinds[entry.kind]];
  const { receiptNumber, invoiceNumber, description } = entry;
  if (receiptNumber && entry.kind !== 'charge' && !description.includes(receiptNumber)) {
    parts.push(words.receipt(receiptNumber));
  } else if (invoiceNumber && !receiptNumber && !description.includes(invoiceNumber)) {
    parts.push(words.invoice(invoiceNumber));
  }
  parts.push(description);
  return parts.join(' · ');
}

/** Four columns; the header row again at the top of each page the table runs onto. */
class StatementTable {
  private readonly widths: number[];
  constructor(
    private readonly pdf: Pdf,
    private readonly titles: string[],
  ) {
    this.widths = [78, pdf.width - 78 - 92 - 110, 92, 110];
  }

  head() {
    const { doc, width } = this.pdf;
    const top = doc.y;
    doc.rect(MARGIN, top, width, 20).fill('#f3f4f6');
    doc.font('bold').fontSize(8).fillColor(MUTED);
    this.cells(this.titles, top + 6);
    doc.y = top + 20;
  }

  row(values: string[], strong = false) {
    const { doc, width } = this.pdf;
    doc.font(strong ? 'bold' : 'regular').fontSize(9);
    const height =
      Math.max(
        ...values.map((value, i) => doc.heightOfString(value, { width: this.widths[i]! - 8 })),
      ) + 10;
    if (ensureSpace(this.pdf, height)) this.head();
    const top = doc.y;
    doc
      .font(strong ? 'bold' : 'regular')
      .fontSize(9)
      .fillColor(INK);
    this.cells(values, top + 5);
    doc
      .moveTo(MARGIN, top + height)
      .lineTo(MARGIN + width, top + height)
      .lineWidth(0.5)
      .strokeColor(RULE)
      .stroke();
    doc.y = top + height;
  }

  private cells(values: string[], y: number) {
    let x = MARGIN;
    values.forEach((value, i) => {
      const width = this.widths[i]!;
      this.pdf.doc.text(value, x + 4, y, { width: width - 8, align: i >= 2 ? 'right' : 'left' });
      x += width;
    });
  }
}
