/**
 * The payment flow's words, English and Spanish, loaded with it (payment-flow.ts). Money arrives
 * formatted by the element's Localizer.
 */
const en = {
  failed: "The payment didn't go through. Please try again.",
  offline: "We couldn't reach the server. Check your connection and try again.",
  busy: 'Too many attempts. Please wait a minute, then try again.',
  inProgress: 'This payment is already being processed. Please wait a moment.',
  canceled: 'This payment was canceled and nothing was charged. Please check the amounts.',
  amountLeft: (amount: string) =>
    `Another payment for this is in progress; ${amount} is left to pay.`,
  amountHeld: 'A payment for this is already in progress. Wait a moment, then try again.',
  feeNone: (funding: string) => `This is a ${funding} card, so no card fee applies.`,
  feeApplies: (fee: string) => `A convenience fee of ${fee} applies to this payment method.`,
  feeFree: 'No convenience fee applies to this payment method.',
  newTotal: (total: string) => `The total is now ${total}. Press Pay to confirm it.`,
  funding: { debit: 'debit', prepaid: 'prepaid' } as Record<string, string>,
  depositGone: 'This deposit can no longer be paid here. Reload the page to see the estimate.',
  voided: (business: string) => `This invoice was cancelled by ${business}; nothing was charged.`,
};

export type FlowStrings = typeof en;

const es: FlowStrings = {
  failed: 'El pago no se realizó. Inténtelo de nuevo.',
  offline: 'No pudimos comunicarnos con el servidor. Revise su conexión e inténtelo de nuevo.',
  busy: 'Demasiados intentos. Espere un minuto e inténtelo de nuevo.',
  inProgress: 'Este pago ya se está procesando. Espere un momento.',
  canceled: 'Este pago se canceló y no se cobró nada. Revise los importes.',
  amountLeft: (amount: string) =>
    `Hay otro pago en curso por este concepto; quedan ${amount} por pagar.`,
  amountHeld: 'Ya hay un pago en curso por este concepto. Espere un momento e inténtelo de nuevo.',
  feeNone: (funding: string) =>
    `Es una tarjeta ${funding}, así que no se aplica el cargo por tarjeta.`,
  feeApplies: (fee: string) => `Se aplica un cargo de ${fee} a esta forma de pago.`,
  feeFree: 'No se aplica ningún cargo a esta forma de pago.',
  newTotal: (total: string) => `El total ahora es ${total}. Pulse Pagar para confirmarlo.`,
  funding: { debit: 'de débito', prepaid: 'prepagada' },
  depositGone:
    'Este depósito ya no se puede pagar aquí. Recargue la página para ver el presupuesto.',
  voided: (business: string) => `${business} canceló esta factura; no se realizó ningún cargo.`,
};

export function flowStrings(lang: string): FlowStrings {
  return lang === 'es' ? es : en;
}
