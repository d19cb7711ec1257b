/** The access form's words, English and Spanish, kept in the part (not the entry's catalogue). */
export interface AccessWords {
  heading: (business: string) => string;
  intro: string;
  label: string;
  send: string;
  sending: string;
  done: string;
  doneHint: string;
  invalid: string;
  busy: string;
  failed: string;
  again: string;
}

const EN: AccessWords = {
  heading: (business) => (business ? `Pay your bill · ${business}` : 'Pay your bill'),
  intro: 'Enter the email or mobile number we have for you, and we will send you a secure link.',
  label: 'Email or mobile number',
  send: 'Send me a link',
  sending: 'Sending…',
  done: 'If we have your details, a link is on its way.',
  doneHint: 'It can take a minute or two. Check your spam folder if it does not arrive.',
  invalid: 'Enter an email address or a mobile number.',
  busy: 'Too many tries. Please wait a while and try again.',
  failed: 'We could not reach the server. Check your connection and try again.',
  again: 'Use another email or number',
};

const ES: AccessWords = {
  heading: (business) => (business ? `Pague su factura · ${business}` : 'Pague su factura'),
  intro:
    'Escriba el correo o el número de celular que tenemos de usted y le enviaremos un enlace seguro.',
  label: 'Correo o número de celular',
  send: 'Enviarme un enlace',
  sending: 'Enviando…',
  done: 'Si tenemos sus datos, le enviamos un enlace.',
  doneHint: 'Puede tardar un par de minutos. Revise la carpeta de spam si no llega.',
  invalid: 'Escriba un correo electrónico o un número de celular.',
  busy: 'Demasiados intentos. Espere un rato y vuelva a intentarlo.',
  failed: 'No pudimos conectar con el servidor. Revise su conexión e inténtelo de nuevo.',
  again: 'Usar otro correo o número',
};

export function accessWords(locale: string): AccessWords {
  return locale.toLowerCase().startsWith('es') ? ES : EN;
}
