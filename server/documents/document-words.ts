/**
 * The words of invoice and estimate PDFs in the business's language (English and Spanish), and
 * the figures as its customers read them: money through shared/money.ts, dates through `Intl`.
 */
import { formatMoney } from '../../shared/money.ts';

const EN = {
  invoice: 'Invoice',
  estimate: 'Estimate',
  billTo: 'Bill to',
  preparedFor: 'Prepared for',
  invoiceDate: 'Invoice date',
  estimateDate: 'Estimate date',
  dueDate: 'Due date',
  dueOnReceipt: 'On receipt',
  validUntil: 'Valid until',
  status: 'Status',
  fromEstimate: 'Estimate',
  description: 'Description',
  quantity: 'Qty',
  unitPrice: 'Unit price',
  tax: 'Tax',
  amount: 'Amount',
  subtotal: 'Subtotal',
  discount: (description: string | null, rate: string | null) =>
    ['Discount', [description, rate].filter(Boolean).join(', ')].filter(Boolean).join(': '),
  total: 'Total',
  paymentsApplied: 'Payments applied',
  payment: (receipt: string, date: string) => `Payment ${receipt} · ${date}`,
  deposit: (receipt: string, estimate: string, date: string) =>
    `Deposit ${receipt} (estimate ${estimate}) · ${date}`,
  refund: (receipt: string, date: string) => `Refund of ${receipt} · ${date}`,
  credit: (description: string) => description,
  balanceDue: 'Balance due',
  depositRequired: 'Deposit required on approval',
  depositPaid: 'Deposit paid',
  payOnline: 'Pay online',
  payOnlineHint: 'Scan the code with your phone, or open this link:',
  notes: 'Notes',
  terms: 'Terms',
  approval: 'Approval',
  approvedBy: (name: string) => `Approved by ${name}`,
  approvedDrawn: 'Approved with a drawn signature',
  signedOn: (at: string, zone: string) => `Signed electronically on ${at} (${zone})`,
  declinedOn: (at: string, zone: string) => `Declined on ${at} (${zone})`,
  reason: 'Reason',
  signature: 'Signature',
  date: 'Date',
  approveOnline: 'To approve online, open the link you received.',
  expired: 'This estimate has expired.',
  page: (page: number, pages: number) => `Page ${page} of ${pages}`,
  statuses: {
    draft: 'Draft',
    open: 'Open',
    viewed: 'Open',
    partially_paid: 'Partially paid',
    paid: 'Paid',
    void: 'Void',
    pending: 'Awaiting approval',
    approved: 'Approved',
    declined: 'Declined',
    expired: 'Expired',
  },
};

export type DocumentWords = typeof EN;

const ES: DocumentWords = {
  invoice: 'Factura',
  estimate: 'Presupuesto',
  billTo: 'Facturar a',
  preparedFor: 'Preparado para',
  invoiceDate: 'Fecha de factura',
  estimateDate: 'Fecha del presupuesto',
  dueDate: 'Vencimiento',
  dueOnReceipt: 'Al recibirla',
  validUntil: 'Válido hasta',
  status: 'Estado',
  fromEstimate: 'Presupuesto',
  description: 'Descripción',
  quantity: 'Cant.',
  unitPrice: 'Precio unitario',
  tax: 'Impuesto',
  amount: 'Importe',
  subtotal: 'Subtotal',
  discount: (description, rate) =>
    ['Descuento', [description, rate].filter(Boolean).join(', ')].filter(Boolean).join(': '),
  total: 'Total',
  paymentsApplied: 'Pagos aplicados',
  payment: (receipt, date) => `Pago ${receipt} · ${date}`,
  deposit: (receipt, estimate, date) => `Depósito ${receipt} (presupuesto ${estimate}) · ${date}`,
  refund: (receipt, date) => `Reembolso de ${receipt} · ${date}`,
  credit: (description) => description,
  balanceDue: 'Saldo pendiente',
  depositRequired: 'Depósito requerido al aprobar',
  depositPaid: 'Depósito pagado',
  payOnline: 'Pague en línea',
  payOnlineHint: 'Escanee el código con su teléfono o abra este enlace:',
  notes: 'Notas',
  terms: 'Condiciones',
  approval: 'Aprobación',
  approvedBy: (name) => `Aprobado por ${name}`,
  approvedDrawn: 'Aprobado con firma manuscrita',
  signedOn: (at, zone) => `Firmado electrónicamente el ${at} (${zone})`,
  declinedOn: (at, zone) => `Rechazado el ${at} (${zone})`,
  reason: 'Motivo',
  signature: 'Firma',
  date: 'Fecha',
  approveOnline: 'Para aprobarlo en línea, abra el enlace que recibió.',
  expired: 'Este presupuesto ha vencido.',
  page: (page, pages) => `Página ${page} de ${pages}`,
  statuses: {
    draft: 'Borrador',
    open: 'Pendiente',
    viewed: 'Pendiente',
    partially_paid: 'Pagada en parte',
    paid: 'Pagada',
    void: 'Anulada',
    pending: 'Pendiente de aprobación',
    approved: 'Aprobado',
    declined: 'Rechazado',
    expired: 'Vencido',
  },
};

export function documentWords(locale: string): DocumentWords {
  return locale.toLowerCase().startsWith('es') ? ES : EN;
}

/** Money, a calendar day, a moment and a tax rate, each the way the business's locale writes it. */
export class DocumentFormat {
  constructor(
    readonly locale: string,
    readonly currency: string,
    /** The business's zone: a timestamp's day and time are read on its clock. */
    readonly timeZone = 'UTC',
  ) {}

  money(amount: number): string {
    return formatMoney(amount, this.currency, this.locale);
  }

  /** A YYYY-MM-DD day (or the day of a timestamp, in the business's zone): "Nov 22, 2026". */
  day(value: string): string {
    const calendarDay = value.length === 10;
    return new Intl.DateTimeFormat(this.locale, {
      dateStyle: 'medium',
      timeZone: calendarDay ? 'UTC' : this.timeZone,
    }).format(new Date(calendarDay ? `${value}T12:00:00Z` : value));
  }

  moment(value: string): string {
    return new Intl.DateTimeFormat(this.locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: this.timeZone,
    }).format(new Date(value));
  }

  /** Basis points as a percentage: 825 → "8.25%". */
  rate(basisPoints: number): string {
    return new Intl.NumberFormat(this.locale, {
      style: 'percent',
      maximumFractionDigits: 3,
    }).format(basisPoints / 10_000);
  }

  quantity(quantity: number): string {
    return new Intl.NumberFormat(this.locale).format(quantity);
  }
}
