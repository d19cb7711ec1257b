/**
 * The account statement as a PDF, on the page layout invoices and estimates share: the business's
 * band with "Statement" and the period, the customer and the statement's facts, then a table of
 * date, entry, amount and running balance between the opening and the closing balance. A credit
 * balance reads "$12.50 credit", as the portal says it.
 */
import { DocumentFormat } from './document-words.ts';
import { customerParty } from './invoice-pdf.ts';
import { drawHeader, drawParties, finish, MARGIN, MUTED, newPdf, RULE } from './pdf-layout.ts';
import { drawPdfTable, type PdfTable } from './pdf-line-table.ts';
import { PAGE_TABLE, pageFrame } from './pdf-tables.ts';
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

  const table: PdfTable = {
    columns: [
      { width: 78 },
      { width: 0 },
      { width: 92, align: 'right' },
      { width: 110, align: 'right' },
    ],
    look: { ...PAGE_TABLE, fontSize: 9, padding: 10, rule: { color: RULE, width: 0.5 } },
    head: [words.date, words.entry, words.amount, words.balance],
  };
  const frame = pageFrame(pdf);
  drawPdfTable(frame, table, [
    {
      cells: [format.day(period.from), words.openingBalance, '', balance(statement.opening)],
      strong: true,
    },
    ...statement.entries.map((entry) => ({
      cells: [
        format.day(entry.date),
        entryText(words, entry),
        format.money(entry.amount),
        balance(entry.balance),
      ],
    })),
  ]);
  if (statement.entries.length === 0) {
    pdf.doc
      .font('regular')
      .fontSize(9.5)
      .fillColor(MUTED)
      .text(words.nothing, MARGIN + 4, pdf.doc.y + 8);
    pdf.doc.y += 8;
  }
  drawPdfTable(frame, { ...table, showHead: false }, [
    {
      cells: [format.day(period.to), words.closingBalance, '', balance(statement.closing)],
      strong: true,
    },
  ]);
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
