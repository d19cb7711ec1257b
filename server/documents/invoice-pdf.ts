/**
 * The invoice as a PDF: the business (logo, colour, details), the customer's name and address,
 * the lines with their tax, the totals, each payment (deposits included) and refund applied, the
 * balance due and, while something is due, the link to pay it as text and as a QR code (npm
 * `qrcode`, drawn as a PNG). Money and dates in the business's locale and currency.
 */

import QRCode from 'qrcode';
import { textOn } from '../businesses/brand-colors.ts';
import { businessSettings } from '../businesses/businesses.ts';
import type { CustomerAddress } from '../businesses/customers.ts';
import type { Db } from '../db/database.ts';
import type {
  BusinessTable,
  CustomerTable,
  DocumentLineTable,
  InvoiceTable,
} from '../db/schema.ts';
import { depositOfPayments } from '../estimates/deposits.ts';
import { linesByDocument } from '../invoices/lines.ts';
import { type DocumentBrand, documentBrand } from './brand.ts';
import { DocumentFormat, type DocumentWords, documentWords } from './document-words.ts';
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
  RULE,
} from './pdf-layout.ts';
import { drawLineTable, drawTotals, type TotalRow } from './pdf-tables.ts';

export interface InvoiceDocument {
  brand: DocumentBrand;
  invoice: InvoiceTable;
  lines: DocumentLineTable[];
  customer: Pick<CustomerTable, 'name' | 'email' | 'address'>;
  /** Payments (negative), refunds and adjustments on the invoice, oldest first. */
  applied: {
    kind: 'payment' | 'deposit' | 'refund' | 'other';
    label: string;
    amount: number;
    receipt: string | null;
    date: string;
    estimate: string | null;
  }[];
  amountDue: number;
  /** The estimate it was made from. */
  estimateNumber: string | null;
  payUrl: string | null;
  /** The business's payment terms (settings `invoice_terms`). */
  terms: string | null;
}

export async function loadInvoiceDocument(
  db: Db,
  business: BusinessTable,
  invoice: InvoiceTable,
  payUrl: (amountDue: number) => Promise<string | null>,
): Promise<InvoiceDocument> {
  const [brand, customer, lines, entries, estimate] = await Promise.all([
    documentBrand(db, business),
    db
      .selectFrom('customers')
      .selectAll()
      .where('id', '=', invoice.customer_id)
      .executeTakeFirstOrThrow(),
    linesByDocument(db, 'invoice_lines', [invoice.id]),
    db
      .selectFrom('ledger_entries')
      .leftJoin('payments', 'payments.id', 'ledger_entries.payment_id')
      .select([
        'ledger_entries.kind',
        'ledger_entries.amount',
        'ledger_entries.description',
        'ledger_entries.date',
        'ledger_entries.payment_id',
        'payments.receipt_number',
      ])
      .where('ledger_entries.invoice_id', '=', invoice.id)
      .where('ledger_entries.kind', '!=', 'charge')
      .orderBy('ledger_entries.seq')
      .execute(),
    db
      .selectFrom('estimate_decisions')
      .innerJoin('estimates', 'estimates.id', 'estimate_decisions.estimate_id')
      .select('estimates.number')
      .where('estimate_decisions.invoice_id', '=', invoice.id)
      .executeTakeFirst(),
  ]);
  const deposits = await depositOfPayments(
    db,
    entries.flatMap((entry) => (entry.payment_id ? [entry.payment_id] : [])),
  );
  const charged = await db
    .selectFrom('ledger_entries')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('sum'))
    .where('invoice_id', '=', invoice.id)
    .executeTakeFirstOrThrow();
  const amountDue = invoice.status === 'draft' ? Number(invoice.total) : Number(charged.sum);
  return {
    brand,
    invoice,
    lines: lines.get(invoice.id) ?? [],
    customer,
    applied: entries.map((entry) => {
      const deposit = entry.payment_id ? deposits.get(entry.payment_id) : undefined;
      const kind =
        entry.kind === 'refund'
          ? 'refund'
          : entry.kind === 'payment'
            ? deposit
              ? 'deposit'
              : 'payment'
            : 'other';
      return {
        kind,
        label: entry.description,
        amount: Number(entry.amount),
        receipt: entry.receipt_number,
        date: entry.date,
        estimate: deposit?.number ?? null,
      };
    }),
    amountDue,
    estimateNumber: estimate?.number ?? null,
    payUrl: await payUrl(amountDue),
    terms: businessSettings(business).invoice_terms,
  };
}

export async function renderInvoicePdf(document: InvoiceDocument) {
  return {
    filename: `invoice-${document.invoice.number.replace(/[^\w.-]+/g, '_')}.pdf`,
    pdf: await drawInvoicePdf(document),
  };
}

export async function drawInvoicePdf(document: InvoiceDocument): Promise<Buffer> {
  const { brand, invoice } = document;
  const words = documentWords(brand.locale);
  const format = new DocumentFormat(brand.locale, invoice.currency, brand.timeZone);
  const pdf = newPdf(brand, `${words.invoice} ${invoice.number}`);
  drawHeader(pdf, words.invoice, invoice.number);
  const facts: [string, string][] = [
    [words.invoiceDate, format.day(invoice.created_at)],
    [words.dueDate, invoice.due_date ? format.day(invoice.due_date) : words.dueOnReceipt],
    [words.status, words.statuses[invoice.status]],
  ];
  if (document.estimateNumber) facts.push([words.fromEstimate, document.estimateNumber]);
  drawParties(pdf, customerParty(words.billTo, document.customer), facts);
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
    { label: words.subtotal, value: format.money(Number(invoice.subtotal)) },
    ...(invoice.discount_type
      ? [
          {
            label: words.discount(
              invoice.discount_description,
              invoice.discount_rate === null ? null : format.rate(Number(invoice.discount_rate)),
            ),
            value: format.money(-Number(invoice.discount_amount)),
          },
        ]
      : []),
    { label: words.tax, value: format.money(Number(invoice.tax)) },
    { label: words.total, value: format.money(Number(invoice.total)), style: 'total' },
  ];
  if (document.applied.length > 0)
    rows.push({ label: words.paymentsApplied, value: '', style: 'muted' });
  for (const entry of document.applied) {
    rows.push({
      label: appliedLabel(words, format, entry),
      value: format.money(entry.amount),
      style: 'muted',
    });
  }
  rows.push({ label: words.balanceDue, value: format.money(document.amountDue), style: 'due' });
  drawTotals(pdf, rows);
  if (document.payUrl) await drawPayOnline(pdf, words, document.payUrl);
  if (invoice.notes) drawTextBlock(pdf, words.notes, invoice.notes);
  if (document.terms) drawTextBlock(pdf, words.terms, document.terms);
  return finish(pdf, words.page);
}

function appliedLabel(
  words: DocumentWords,
  format: DocumentFormat,
  entry: InvoiceDocument['applied'][number],
): string {
  const date = format.day(entry.date);
  const receipt = entry.receipt ?? '';
  if (entry.kind === 'deposit') return words.deposit(receipt, entry.estimate ?? '', date);
  if (entry.kind === 'payment') return words.payment(receipt, date);
  if (entry.kind === 'refund') return words.refund(receipt, date);
  return words.credit(entry.label);
}

/** The party block of a customer: name, then postal address lines and email. */
export function customerParty(
  title: string,
  customer: Pick<CustomerTable, 'name' | 'email' | 'address'>,
) {
  const address = customer.address ? (JSON.parse(customer.address) as CustomerAddress) : null;
  const cityLine = [address?.city, [address?.state, address?.postal_code].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const lines = [address?.line1, address?.line2, cityLine, address?.country, customer.email].filter(
    (line): line is string => Boolean(line),
  );
  return { title, name: customer.name, lines };
}

/** The QR code and the link, in a bordered box kept whole on one page. */
async function drawPayOnline(pdf: Pdf, words: DocumentWords, url: string) {
  const { doc, width, brand } = pdf;
  const qr = await QRCode.toBuffer(url, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 1,
    width: 360,
    color: { dark: '#111827', light: '#ffffff' },
  });
  const size = 92;
  const height = size + 24;
  ensureSpace(pdf, height + 10);
  const top = doc.y;
  doc.roundedRect(MARGIN, top, width, height, 8).lineWidth(0.8).strokeColor(RULE).stroke();
  doc.image(qr, MARGIN + 12, top + 12, { width: size, height: size });
  const textX = MARGIN + size + 28;
  const textWidth = width - size - 40;
  label(pdf, words.payOnline, textX, top + 18, textWidth);
  doc
    .font('regular')
    .fontSize(9.5)
    .fillColor(MUTED)
    .text(words.payOnlineHint, textX, top + 34, { width: textWidth });
  doc
    .font('regular')
    .fontSize(9)
    // The brand colour, unless it is too light to read on white.
    .fillColor(textOn(brand.color, INK) === '#ffffff' ? brand.color : INK)
    .text(url, textX, doc.y + 4, { width: textWidth, link: url, underline: false });
  doc.y = top + height + 18;
}
