/** The Square form's own words, English and Spanish. */
const en = {
  orPayWith: 'Or pay with',
  applePay: 'Pay with Apple Pay',
  googlePay: 'Google Pay',
  notVerified:
    "Your bank couldn't verify this card, so nothing was charged. Try again, or use another card.",
  bankNote:
    "Pay from your bank account: choosing Pay opens Square's secure window (Plaid) to pick your bank. The transfer takes a few business days.",
  bankUnavailable: "Bank transfers aren't available for this business. Please choose Card.",
  bankCanceled: 'No bank account was chosen, so nothing was charged.',
};

export type SquareStrings = typeof en;

const es: SquareStrings = {
  orPayWith: 'O pague con',
  applePay: 'Pagar con Apple Pay',
  googlePay: 'Google Pay',
  notVerified:
    'Su banco no pudo verificar esta tarjeta, así que no se cobró nada. Inténtelo de nuevo o use otra tarjeta.',
  bankNote:
    'Pague desde su cuenta bancaria: al pulsar Pagar se abre la ventana segura de Square (Plaid) para elegir su banco. La transferencia tarda unos días hábiles.',
  bankUnavailable: 'Este negocio no acepta transferencias bancarias. Elija Tarjeta.',
  bankCanceled: 'No se eligió ninguna cuenta bancaria, así que no se cobró nada.',
};

export function squareStrings(lang: string): SquareStrings {
  return lang === 'es' ? es : en;
}
