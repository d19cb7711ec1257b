/**
 * The estimate as a PDF: the business, who it is for, its date and valid-until date, the lines,
 * tax and totals, the deposit it asks on approval (and what was paid), its terms, and the
 * decision: once approved, the signature (the drawn PNG, or the typed name in a script face) with
 * when it was signed; once declined, when and why; while pending, a line to sign on.
 */
import type { Db } from '../db/database.ts';
import type {
  BusinessTable,
  CustomerTable,
  DocumentLineTable,
  EstimateDecisionTable,
  EstimateTable,
} from '../db/schema.ts';
import { decisionsByEstimate } from '../estimates/decisions.ts';
import { estimateExpired } from '../estimates/estimates.ts';
import { linesByDocument } from '../invoices/lines.ts';
import { depositsPaid } from '../ledger/deposits-held.ts';
import { type DocumentBrand, documentBrand } from './brand.ts';
import { DocumentFormat, type DocumentWords, documentWords } from './document-words.ts';
import { customerParty } from './invoice-pdf.ts';
import {
  drawHeader,
  drawParties,
  drawTextBlock,
  ensureSpace,
  finish,
  INK,
  label,
  MARGIN,
  MUTED,
  newPdf,
  type Pdf,
} from './pdf-layout.ts';
import { drawLineTable, drawTotals, type TotalRow } from './pdf-tables.ts';
import { signatureRuns } from './signature-font.ts';

export interface EstimateDocument {
  brand: DocumentBrand;
  estimate: EstimateTable;
  lines: DocumentLineTable[];
  customer: Pick<CustomerTable, 'name' | 'email' | 'address'>;
  decision: EstimateDecisionTable | null;
  depositPaid: number;
}

export async function loadEstimateDocument(
  db: Db,
  business: BusinessTable,
  estimate: EstimateTable,
): Promise<EstimateDocument> {
  const [brand, customer, lines, decisions, deposits] = await Promise.all([
    documentBrand(db, business),
    db
      .selectFrom('customers')
      .selectAll()
      .where('id', '=', estimate.customer_id)
      .executeTakeFirstOrThrow(),
    linesByDocument(db, 'estimate_lines', [estimate.id]),
    decisionsByEstimate(db, [estimate.id]),
    depositsPaid(db, [estimate.id]),
  ]);
  return {
    brand,
    estimate,
    customer,
    lines: lines.get(estimate.id) ?? [],
    decision: decisions.get(estimate.id) ?? null,
    depositPaid: deposits.get(estimate.id) ?? 0,
  };
}

export async function renderEstimatePdf(document: EstimateDocument) {
  return {
    filename: `estimate-${document.estimate.number.replace(/[^\w.-]+/g, '_')}.pdf`,
    pdf: await drawEstimatePdf(document),
  };
}

export function drawEstimatePdf(document: EstimateDocument): Promise<Buffer> {
  const { brand, estimate, decision } = document;
  const words = documentWords(brand.locale);
  const format = new DocumentFormat(brand.locale, estimate.currency, brand.timeZone);
  const pdf = newPdf(brand, `${words.estimate} ${estimate.number}`);
  drawHeader(pdf, words.estimate, estimate.number);
  const expired = estimate.status === 'pending' && estimateExpired(estimate);
  drawParties(pdf, customerParty(words.preparedFor, document.customer), [
    [words.estimateDate, format.day(estimate.created_at)],
    [words.validUntil, format.day(estimate.valid_until)],
    [words.status, words.statuses[expired ? 'expired' : estimate.status]],
  ]);
  drawLineTable(
    pdf,
    {
      description: words.description,
      quantity: words.quantity,
      unitPrice: words.unitPrice,
      tax: words.tax,
      amount: words.amount,
    },
    document.lines.map((line) => ({
      description: line.description,
      quantity: format.quantity(line.quantity),
      unitPrice: format.money(Number(line.unit_amount)),
      tax: line.tax_rate ? format.rate(line.tax_rate) : '—',
      amount: format.money(Number(line.amount)),
    })),
  );
  const rows: TotalRow[] = [
    { label: words.subtotal, value: format.money(Number(estimate.subtotal)) },
    { label: words.tax, value: format.money(Number(estimate.tax)) },
    { label: words.total, value: format.money(Number(estimate.total)), style: 'due' },
  ];
  const deposit = Number(estimate.deposit_amount);
  if (deposit > 0) {
    rows.push({ label: words.depositRequired, value: format.money(deposit), style: 'muted' });
  }
  if (document.depositPaid > 0) {
    rows.push({
      label: words.depositPaid,
      value: format.money(-document.depositPaid),
      style: 'muted',
    });
  }
  drawTotals(pdf, rows);
  if (estimate.terms) drawTextBlock(pdf, words.terms, estimate.terms);
  drawDecision(pdf, words, format, decision, expired);
  return finish(pdf, words.page);
}

/** The approval block: the signature over a rule, with who and when beneath. */
function drawDecision(
  pdf: Pdf,
  words: DocumentWords,
  format: DocumentFormat,
  decision: EstimateDecisionTable | null,
  expired: boolean,
) {
  const { doc, width } = pdf;
  ensureSpace(pdf, 150);
  doc.y += 6;
  label(pdf, words.approval, MARGIN, doc.y, width);
  doc.y += 16;
  if (decision?.decision === 'declined') {
    doc
      .font('bold')
      .fontSize(10)
      .fillColor(INK)
      .text(words.declinedOn(format.moment(decision.decided_at), format.timeZone), MARGIN, doc.y, {
        width,
      });
    if (decision.reason) {
      doc.font('regular').fillColor(MUTED).text(`${words.reason}: ${decision.reason}`, { width });
    }
    return;
  }
  const lineWidth = Math.min(300, width * 0.6);
  const top = doc.y;
  const area = 52;
  if (decision?.signature_type === 'drawn' && decision.signature_png) {
    doc.image(decision.signature_png, MARGIN + 6, top, {
      fit: [lineWidth - 12, area],
      valign: 'bottom',
    });
  } else if (decision?.signature_type === 'typed' && decision.signer_name) {
    let size = 30;
    doc.fontSize(size);
    // Long names shrink to fit the line.
    while (size > 14 && widthOfRuns(doc, decision.signer_name) > lineWidth - 12) {
      size -= 2;
      doc.fontSize(size);
    }
    const runs = signatureRuns(decision.signer_name);
    doc.fillColor('#1e3a8a');
    runs.forEach((run, index) => {
      doc.font(run.font).fontSize(size);
      const options = { continued: index < runs.length - 1, lineBreak: false };
      if (index === 0) doc.text(run.text, MARGIN + 6, top + area - size * 1.35, options);
      else doc.text(run.text, options);
    });
  }
  const ruleY = top + area + 4;
  doc
    .moveTo(MARGIN, ruleY)
    .lineTo(MARGIN + lineWidth, ruleY)
    .lineWidth(0.8)
    .strokeColor('#9ca3af')
    .stroke();
  doc.font('regular').fontSize(9).fillColor(MUTED);
  if (decision?.decision === 'approved') {
    const who = decision.signer_name ? words.approvedBy(decision.signer_name) : words.approvedDrawn;
    doc
      .font('bold')
      .fillColor(INK)
      .text(who, MARGIN, ruleY + 6, { width });
    doc
      .font('regular')
      .fillColor(MUTED)
      .text(words.signedOn(format.moment(decision.decided_at), format.timeZone), { width });
  } else {
    doc.text(words.signature, MARGIN, ruleY + 6, { width: lineWidth });
    doc.text(expired ? words.expired : words.approveOnline, MARGIN, doc.y + 2, { width });
  }
}

function widthOfRuns(doc: PDFKit.PDFDocument, name: string): number {
  let total = 0;
  for (const run of signatureRuns(name)) total += doc.font(run.font).widthOfString(run.text);
  return total;
}
