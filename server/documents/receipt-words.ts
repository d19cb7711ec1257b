/**
 * The words of receipts and payment notices, in the business's locale (English and Spanish), and
 * the figures as people read them: money through shared/money.ts, dates through `Intl`.
 */
import { formatMoney } from '../../shared/money.ts';
import type { Receipt, ReceiptLine } from './receipt-data.ts';

const EN = {
  receipt: 'Receipt',
  receiptNumber: 'Receipt number',
  date: 'Date',
  billedTo: 'Paid by',
  paymentMethod: 'Payment method',
  description: 'Description',
  amount: 'Amount',
  invoice: (number: string) => `Invoice ${number}`,
  deposit: (number: string) => `Deposit for estimate ${number}`,
  balance: 'Account balance',
  subtotal: 'Subtotal',
  tip: 'Tip',
  fee: 'Convenience fee',
  total: 'Total paid',
  refunded: 'Refunded',
  card: 'Card',
  bankAccount: 'Bank account',
  thanks: (business: string) => `Thank you for your payment to ${business}.`,
  receiptSubject: (business: string, amount: string) => `Your receipt from ${business}: ${amount}`,
  noticeSubject: (customer: string, amount: string) =>
    `Payment received: ${customer} paid ${amount}`,
  noticeIntro: (customer: string, amount: string) => `${customer} paid ${amount}.`,
  customerEmail: 'Customer email',
  questions: 'Questions? Reply to this email or contact',
  pdfAttached: 'The receipt is attached as a PDF.',
  viewReceipt: 'Download the receipt (PDF)',
  testMode: 'TEST MODE',
  testModeNote: 'Test mode: made with test keys, no money was charged.',
};

type Words = typeof EN;

const ES: Words = {
  receipt: 'Recibo',
  receiptNumber: 'Número de recibo',
  date: 'Fecha',
  billedTo: 'Pagado por',
  paymentMethod: 'Método de pago',
  description: 'Descripción',
  amount: 'Importe',
  invoice: (number) => `Factura ${number}`,
  deposit: (number) => `Depósito del presupuesto ${number}`,
  balance: 'Saldo de la cuenta',
  subtotal: 'Subtotal',
  tip: 'Propina',
  fee: 'Cargo por servicio',
  total: 'Total pagado',
  refunded: 'Reembolsado',
  card: 'Tarjeta',
  bankAccount: 'Cuenta bancaria',
  thanks: (business) => `Gracias por su pago a ${business}.`,
  receiptSubject: (business, amount) => `Su recibo de ${business}: ${amount}`,
  noticeSubject: (customer, amount) => `Pago recibido: ${customer} pagó ${amount}`,
  noticeIntro: (customer, amount) => `${customer} pagó ${amount}.`,
  customerEmail: 'Correo del cliente',
  questions: '¿Preguntas? Responda a este correo o escriba a',
  pdfAttached: 'El recibo va adjunto en PDF.',
  viewReceipt: 'Descargar el recibo (PDF)',
  testMode: 'MODO DE PRUEBA',
  testModeNote: 'Modo de prueba: hecho con claves de prueba, no se cobró dinero.',
};

export function receiptWords(locale: string): Words {
  return locale.toLowerCase().startsWith('es') ? ES : EN;
}

const BRANDS: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
  cartes_bancaires: 'Cartes Bancaires',
  eftpos_au: 'eftpos',
  interac: 'Interac',
  paypal: 'PayPal',
  venmo: 'Venmo',
};

/** "Visa •••• 4242", "Bank account •••• 6789", or just "Card" when the provider told nothing. */
export function methodLabel(receipt: Pick<Receipt, 'payment' | 'business'>): string {
  const words = receiptWords(receipt.business.locale);
  const { method, cardBrand, cardLast4 } = receipt.payment;
  const name =
    method === 'us_bank_account'
      ? words.bankAccount
      : cardBrand
        ? (BRANDS[cardBrand.toLowerCase()] ?? capitalize(cardBrand))
        : words.card;
  return cardLast4 ? `${name} •••• ${cardLast4}` : name;
}

export function lineLabel(line: ReceiptLine, locale: string): string {
  const words = receiptWords(locale);
  if (line.kind === 'invoice' && line.invoiceNumber) return words.invoice(line.invoiceNumber);
  if (line.kind === 'deposit' && line.estimateNumber) return words.deposit(line.estimateNumber);
  return words.balance;
}

export function money(receipt: Pick<Receipt, 'payment' | 'business'>, amount: number): string {
  return formatMoney(amount, receipt.payment.currency, receipt.business.locale);
}

/** The day the payment was made, in the business's words: "November 22, 2026". */
export function paidOn(receipt: Pick<Receipt, 'payment' | 'business'>): string {
  return new Intl.DateTimeFormat(receipt.business.locale, {
    dateStyle: 'long',
    timeZone: receipt.business.timeZone,
  }).format(new Date(receipt.payment.paidAt));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1).replace(/_/g, ' ');
}
