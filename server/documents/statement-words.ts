/** The words of the account statement in the business's language (English and Spanish). */
import type { LedgerKind } from '../db/schema.ts';

const EN = {
  statement: 'Statement',
  accountOf: 'Account of',
  period: 'Period',
  issued: 'Issued',
  openingBalance: 'Opening balance',
  closingBalance: 'Closing balance',
  date: 'Date',
  entry: 'Entry',
  amount: 'Amount',
  balance: 'Balance',
  nothing: 'Nothing happened on the account in this period.',
  credit: (amount: string) => `${amount} credit`,
  invoice: (number: string) => `Invoice ${number}`,
  receipt: (number: string) => `Receipt ${number}`,
  kinds: {
    charge: 'Charge',
    credit: 'Credit',
    payment: 'Payment',
    refund: 'Refund',
    tip: 'Tip',
    fee: 'Fee',
    adjustment: 'Adjustment',
  } satisfies Record<LedgerKind, string>,
  page: (page: number, pages: number) => `Page ${page} of ${pages}`,
};

type Words = typeof EN;

const ES: Words = {
  statement: 'Estado de cuenta',
  accountOf: 'Cuenta de',
  period: 'Periodo',
  issued: 'Emitido',
  openingBalance: 'Saldo inicial',
  closingBalance: 'Saldo final',
  date: 'Fecha',
  entry: 'Movimiento',
  amount: 'Importe',
  balance: 'Saldo',
  nothing: 'No hubo movimientos en la cuenta en este periodo.',
  credit: (amount) => `${amount} a favor`,
  invoice: (number) => `Factura ${number}`,
  receipt: (number) => `Recibo ${number}`,
  kinds: {
    charge: 'Cargo',
    credit: 'Crédito',
    payment: 'Pago',
    refund: 'Reembolso',
    tip: 'Propina',
    fee: 'Cargo por servicio',
    adjustment: 'Ajuste',
  },
  page: (page, pages) => `Página ${page} de ${pages}`,
};

export function statementWords(locale: string): Words {
  return locale.toLowerCase().startsWith('es') ? ES : EN;
}
