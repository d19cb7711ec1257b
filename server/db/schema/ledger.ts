/** The append-only ledger (migration 2026_11_22_0001_ledger): each entry names its business and customer. */
export type LedgerKind = 'charge' | 'credit' | 'payment' | 'refund' | 'tip' | 'fee' | 'adjustment';

export interface LedgerEntryTable {
  id: string;
  business_id: string;
  customer_id: string;
  /** Position in the customer's ledger, 1, 2, 3…; unique per customer. */
  seq: number;
  kind: LedgerKind;
  /** Effect on what the customer owes, tax included: positive for charges, negative for payments. */
  amount: number;
  /** The part of `amount` that is tax. */
  tax: number;
  description: string;
  /** The business date of the entry (YYYY-MM-DD). */
  date: string;
  invoice_id: string | null;
  payment_id: string | null;
  /** The customer's balance after this entry: the running sum, so reading a balance is one row. */
  balance_after: number;
  /** Who at the business added it, as the staff call named them (migration 2026_12_06_0701). */
  added_by_name: string | null;
  created_at: string;
}
