/**
 * The PDF documents, loaded on first use (issue 13): pdfkit, fontkit and qrcode cost a quarter of a
 * second and tens of MB at start, for documents most processes make rarely or never. The same
 * names and signatures as the modules behind them; the first PDF a process makes waits for them.
 */
import type * as EstimatePdf from './estimate-pdf.ts';
import type * as InvoicePdf from './invoice-pdf.ts';
import type * as ReceiptPdf from './receipt-pdf.ts';
import type * as StatementPdf from './statement-pdf.ts';

export type { EstimateDocument } from './estimate-pdf.ts';
export type { InvoiceDocument } from './invoice-pdf.ts';

type Args<F> = F extends (...args: infer A) => unknown ? A : never;

export async function loadEstimateDocument(...args: Args<typeof EstimatePdf.loadEstimateDocument>) {
  return (await import('./estimate-pdf.ts')).loadEstimateDocument(...args);
}

export async function renderEstimatePdf(...args: Args<typeof EstimatePdf.renderEstimatePdf>) {
  return (await import('./estimate-pdf.ts')).renderEstimatePdf(...args);
}

export async function loadInvoiceDocument(...args: Args<typeof InvoicePdf.loadInvoiceDocument>) {
  return (await import('./invoice-pdf.ts')).loadInvoiceDocument(...args);
}

export async function renderInvoicePdf(...args: Args<typeof InvoicePdf.renderInvoicePdf>) {
  return (await import('./invoice-pdf.ts')).renderInvoicePdf(...args);
}

export async function renderReceiptPdf(...args: Args<typeof ReceiptPdf.renderReceiptPdf>) {
  return (await import('./receipt-pdf.ts')).renderReceiptPdf(...args);
}

export async function renderStatementPdf(...args: Args<typeof StatementPdf.renderStatementPdf>) {
  return (await import('./statement-pdf.ts')).renderStatementPdf(...args);
}
