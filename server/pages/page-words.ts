/**
 * The few words the pages say themselves (the element says the rest), in English and Spanish,
 * chosen from the browser's Accept-Language as the element chooses from navigator.language.
 */

export type PageLanguage = 'en' | 'es';

export interface PageWords {
  account: string;
  invoice: (number: string) => string;
  estimate: (number: string) => string;
  noScript: (business: string, contact: string | null) => string;
  preview: string;
  deadTitle: string;
  deadHeading: string;
  deadBody: string;
  busyTitle: string;
  busyBody: string;
}

const en: PageWords = {
  account: 'Your account',
  invoice: (number) => `Invoice ${number}`,
  estimate: (number) => `Estimate ${number}`,
  noScript: (business, contact) =>
    `This page needs JavaScript to show your account and take a payment. Please turn it on, or contact ${business}${contact ? ` at ${contact}` : ''}.`,
  preview:
    "Staff preview: what the customer sees. This visit is not recorded as the customer's view.",
  deadTitle: 'Link not valid',
  deadHeading: 'This link is no longer valid',
  deadBody:
    'It may have expired or been replaced by a newer one. Please ask the business that sent it for a new link.',
  busyTitle: 'Too many tries',
  busyBody: 'Please wait a minute, then open the link again.',
};

const es: PageWords = {
  account: 'Su cuenta',
  invoice: (number) => `Factura ${number}`,
  estimate: (number) => `Presupuesto ${number}`,
  noScript: (business, contact) =>
    `Esta página necesita JavaScript para mostrar su cuenta y recibir un pago. Actívelo o comuníquese con ${business}${contact ? ` al ${contact}` : ''}.`,
  preview:
    'Vista previa del personal: lo que ve el cliente. Esta visita no se registra como vista del cliente.',
  deadTitle: 'Enlace no válido',
  deadHeading: 'Este enlace ya no es válido',
  deadBody:
    'Puede haber caducado o haber sido reemplazado por uno más reciente. Pida un enlace nuevo a la empresa que se lo envió.',
  busyTitle: 'Demasiados intentos',
  busyBody: 'Espere un minuto y vuelva a abrir el enlace.',
};

/** The first of the browser's languages that the pages speak, by preference order. */
export function pageLanguage(acceptLanguage: string | undefined): PageLanguage {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'es' || tag.startsWith('es-')) return 'es';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
}

export function pageWords(language: PageLanguage): PageWords {
  return language === 'es' ? es : en;
}
