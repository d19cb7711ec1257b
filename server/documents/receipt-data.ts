/**
 * Everything a receipt shows, read once from the database: the business and its branding, the
 * customer, the payment's figures and method, and what it paid (an estimate's deposit, each
 * invoice, then the account balance). The receipt PDF and the receipt and notice emails are all
 * drawn from this.
 */

import { businessTimeZone } from '../businesses/businesses.ts';
import { parseSettings, type ReceiptLayout } from '../businesses/settings.ts';
import type { Db, Trx } from '../db/database.ts';
import type { PaymentTable } from '../db/schema.ts';
import { depositOfPayments } from '../estimates/deposits.ts';
import { notFound } from '../http/errors.ts';

export interface ReceiptLine {
  /**
   * `invoice` lines name the invoice; `deposit` names the estimate whose deposit it paid;
   * `balance` is what went to the account.
   */
  kind: 'invoice' | 'deposit' | 'balance';
  invoiceNumber: string | null;
  estimateNumber?: string | null;
  amount: number;
}

export interface Receipt {
  business: {
    id: string;
    name: string;
    locale: string;
    /** IANA zone the payment's day is shown in. */
    timeZone: string;
    brandColor: string;
    logoUrl: string | null;
    address: string | null;
    phone: string | null;
    email: string | null;
    notificationEmail: string | null;
    /** A full page, or an 80 mm thermal strip (settings' `receipt_layout`). */
    receiptLayout: ReceiptLayout;
  };
  /** `locale`: 'en', 'es' or null (the business's), what the customer's emails are written in. */
  customer: { id: string; name: string; email: string | null; locale: string | null };
  payment: {
    id: string;
    status: PaymentTable['status'];
    receiptNumber: string | null;
    currency: string;
    subtotal: number;
    tip: number;
    fee: number;
    total: number;
    method: PaymentTable['method'];
    cardBrand: string | null;
    cardLast4: string | null;
    /** When it succeeded (or was made, until then). */
    paidAt: string;
    paymentLinkId: string | null;
    /** Made with the sandbox (test keys): no money moved, and the receipt says "Test mode". */
    testMode: boolean;
  };
  lines: ReceiptLine[];
  /** What has been refunded of it (refunds succeeded or on their way). */
  refunded: number;
}

export async function loadReceipt(db: Db | Trx, paymentId: string): Promise<Receipt> {
  const row = await db
    .selectFrom('payments')
    .innerJoin('businesses', 'businesses.id', 'payments.business_id')
    .innerJoin('customers', 'customers.id', 'payments.customer_id')
    .selectAll('payments')
    .select([
      'businesses.name as business_name',
      'businesses.locale as business_locale',
      'businesses.settings as business_settings',
      'customers.name as customer_name',
      'customers.email as customer_email',
      'customers.locale as customer_locale',
    ])
    .where('payments.id', '=', paymentId)
    .executeTakeFirst();
  if (!row) throw notFound('payment', 'id');
  const settings = parseSettings(row.business_settings);

  const [invoiceRows, deposit] = await Promise.all([
    db
      .selectFrom('ledger_entries')
      .innerJoin('invoices', 'invoices.id', 'ledger_entries.invoice_id')
      .select(['invoices.id', 'invoices.number', 'ledger_entries.amount'])
      .where('ledger_entries.payment_id', '=', paymentId)
      .where('ledger_entries.kind', '=', 'payment')
      .orderBy('ledger_entries.seq')
      .execute(),
    depositOfPayments(db, [paymentId]).then((deposits) => deposits.get(paymentId)),
  ]);
  const lines: ReceiptLine[] = [];
  // A deposit stays a deposit on its receipt, even once the estimate became an invoice and the
  // deposit was moved onto it (those entries carry this payment's id and the invoice's).
  if (deposit) {
    lines.push({
      kind: 'deposit',
      invoiceNumber: null,
      estimateNumber: deposit.number,
      amount: deposit.amount,
    });
  }
  for (const line of invoiceRows) {
    if (deposit?.invoice && line.id === deposit.invoice) continue;
    lines.push({ kind: 'invoice', invoiceNumber: line.number, amount: -Number(line.amount) });
  }
  // What the subtotal paid beyond the deposit and invoices went to the account (balance, or
  // credit).
  const onAccount = Number(row.subtotal) - lines.reduce((sum, line) => sum + line.amount, 0);
  if (onAccount > 0) lines.push({ kind: 'balance', invoiceNumber: null, amount: onAccount });

  const refunds = await db
    .selectFrom('refunds')
    .select(['amount'])
    .where('payment_id', '=', paymentId)
    .where('status', '!=', 'failed')
    .execute();

  return {
    business: {
      id: row.business_id,
      name: row.business_name,
      locale: row.business_locale,
      timeZone: businessTimeZone({ settings: row.business_settings, locale: row.business_locale }),
      brandColor: settings.branding.brand_color,
      logoUrl: settings.branding.logo_url,
      address: settings.branding.address,
      phone: settings.branding.phone,
      email: settings.branding.email,
      notificationEmail: settings.notification_email,
      receiptLayout: settings.receipt_layout,
    },
    customer: {
      id: row.customer_id,
      name: row.customer_name,
      email: row.customer_email,
      locale: row.customer_locale,
    },
    payment: {
      id: row.id,
      status: row.status,
      receiptNumber: row.receipt_number,
      currency: row.currency,
      subtotal: Number(row.subtotal),
      tip: Number(row.tip),
      fee: Number(row.fee),
      total: Number(row.total),
      method: row.method,
      cardBrand: row.card_brand,
      cardLast4: row.card_last4,
      paidAt: row.succeeded_at ?? row.created_at,
      paymentLinkId: row.payment_link_id,
      testMode: row.provider === 'sandbox',
    },
    lines,
    refunded: refunds.reduce((sum, refund) => sum + Number(refund.amount), 0),
  };
}
