/**
 * The sandbox form's words, English and Spanish, kept with the form (it is loaded on its own).
 * Refusals are keyed by the server's codes (docs/payments.md), so the server's refusal and the
 * form's own check read the same.
 */
const en = {
  testMode: 'Test mode',
  noMoney: 'No real money moves. Use a test card:',
  noMoneyBank: 'No real money moves. Use the test bank account:',
  number: 'Card number',
  expiry: 'Expiry (MM/YY)',
  expiryPlaceholder: 'MM/YY',
  cvc: 'CVC',
  routing: 'Routing number',
  account: 'Account number',
  use: (what: string) => `Use ${what}`,
  cards: [
    ['4242 4242 4242 4242', 'succeeds'],
    ['4000 0566 5566 5556', 'debit card: no card fee'],
    ['4000 0000 0000 0002', 'declined'],
    ['4000 0000 0000 9995', 'insufficient funds'],
    ['4000 0025 0000 3155', 'asks for 3-D Secure'],
  ],
  bank: 'routing 110000000, account 000123456789: succeeds',
  anyDate: 'Any future date, any 3 digits (4 for American Express).',
  required: {
    number: 'Enter the card number.',
    expiry: 'Enter the expiration date, like 12/34.',
    cvc: 'Enter the security code.',
    routing: 'Enter the routing number.',
    account: 'Enter the account number.',
  },
  refusals: {
    incorrect_number: 'Your card number is incorrect.',
    invalid_expiry_month: "Your card's expiration month is invalid.",
    invalid_expiry_year: "Your card's expiration date is in the past.",
    invalid_cvc: "Your card's security code is invalid.",
    invalid_routing_number: 'The routing number is not valid.',
    invalid_account_number: 'The account number must be 4 to 17 digits.',
  } as Record<string, string>,
  /** Declines: English uses the server's own words (failure.message). */
  failures: {} as Record<string, string>,
  authTitle: 'Confirm your payment',
  authBody: (amount: string, business: string) =>
    `Test mode: this is the step where your bank asks you to confirm the payment of ${amount} to ${business}.`,
  approve: 'Complete authentication',
  fail: 'Fail authentication',
};

export type SandboxStrings = typeof en;

const es: SandboxStrings = {
  testMode: 'Modo de prueba',
  noMoney: 'No se mueve dinero real. Use una tarjeta de prueba:',
  noMoneyBank: 'No se mueve dinero real. Use la cuenta bancaria de prueba:',
  number: 'Número de tarjeta',
  expiry: 'Vencimiento (MM/AA)',
  expiryPlaceholder: 'MM/AA',
  cvc: 'CVC',
  routing: 'Número de ruta bancaria',
  account: 'Número de cuenta',
  use: (what: string) => `Usar ${what}`,
  cards: [
    ['4242 4242 4242 4242', 'se aprueba'],
    ['4000 0566 5566 5556', 'tarjeta de débito: sin cargo por tarjeta'],
    ['4000 0000 0000 0002', 'se rechaza'],
    ['4000 0000 0000 9995', 'fondos insuficientes'],
    ['4000 0025 0000 3155', 'pide la verificación 3-D Secure'],
  ],
  bank: 'ruta 110000000, cuenta 000123456789: se aprueba',
  anyDate: 'Cualquier fecha futura y 3 dígitos cualesquiera (4 para American Express).',
  required: {
    number: 'Escriba el número de tarjeta.',
    expiry: 'Escriba la fecha de vencimiento, por ejemplo 12/34.',
    cvc: 'Escriba el código de seguridad.',
    routing: 'Escriba el número de ruta bancaria.',
    account: 'Escriba el número de cuenta.',
  },
  refusals: {
    incorrect_number: 'El número de tarjeta no es correcto.',
    invalid_expiry_month: 'El mes de vencimiento de la tarjeta no es válido.',
    invalid_expiry_year: 'La fecha de vencimiento de la tarjeta ya pasó.',
    invalid_cvc: 'El código de seguridad de la tarjeta no es válido.',
    invalid_routing_number: 'El número de ruta bancaria no es válido.',
    invalid_account_number: 'El número de cuenta debe tener de 4 a 17 dígitos.',
    test_card_required:
      'El modo de prueba solo acepta tarjetas de prueba, como 4242 4242 4242 4242.',
    test_account_required:
      'El modo de prueba solo acepta cuentas de prueba: ruta 110000000 y cuenta 000123456789.',
  },
  failures: {
    card_declined: 'Su tarjeta fue rechazada. Pruebe con otra tarjeta.',
    insufficient_funds: 'Fondos insuficientes. Pruebe con otra tarjeta o cuenta.',
    expired_card: 'Su tarjeta está vencida. Pruebe con otra tarjeta.',
    incorrect_cvc: 'El código de seguridad no es correcto. Revíselo o pruebe con otra tarjeta.',
    processing_error: 'Hubo un error al procesar su tarjeta. Inténtelo de nuevo en un momento.',
    payment_intent_authentication_failure:
      'Su banco no pudo confirmar este pago. Inténtelo de nuevo o pruebe con otra tarjeta.',
    no_account: 'El banco no encontró esta cuenta. Revise los números o use otra cuenta.',
    account_closed: 'Esta cuenta bancaria está cerrada. Use otra cuenta.',
  },
  authTitle: 'Confirme su pago',
  authBody: (amount: string, business: string) =>
    `Modo de prueba: en este paso su banco le pide confirmar el pago de ${amount} a ${business}.`,
  approve: 'Completar la verificación',
  fail: 'Hacer fallar la verificación',
};

export function sandboxStrings(lang: string): SandboxStrings {
  return lang === 'es' ? es : en;
}
