/** Invoices, and the lines of invoices and estimates (migration 2026_11_22_0001_ledger). */
export type InvoiceStatus = 'draft' | 'open' | 'viewed' | 'partially_paid' | 'paid' | 'void';

export interface InvoiceTable {
  id: string;
  business_id: string;
  customer_id: string;
  number: string;
  status: InvoiceStatus;
  currency: string;
  subtotal: number;
  tax: number;
  total: number;
  due_date: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  voided_at: string | null;
}

export interface DocumentLineTable {
  id: string;
  /** The invoice or estimate this line belongs to. */
  document_id: string;
  position: number;
  description: string;
  quantity: number;
  unit_amount: number;
  /** Basis points: 825 is 8.25 %. */
  tax_rate: number;
  amount: number;
  tax: number;
}
