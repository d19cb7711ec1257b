/**
 * The text that carries a payment link to its customer, in the business's language. Short and
 * plain ASCII, so it stays in as few GSM-7 segments as the URL allows; queueText
 * (server/texts/queue.ts) adds the business's name and the STOP line.
 */
export interface LinkTextInput {
  business: { name: string; locale: string };
  kind: 'customer' | 'invoice' | 'estimate';
  documentNumber: string | null;
  url: string;
}

const words = {
  en: {
    customer: (b: string) => `${b}: see your balance and pay online`,
    invoice: (b: string, n: string) => `${b}: invoice ${n} is ready to view and pay`,
    estimate: (b: string, n: string) => `${b}: estimate ${n} is ready for your review`,
  },
  es: {
    customer: (b: string) => `${b}: vea su saldo y pague en linea`,
    invoice: (b: string, n: string) => `${b}: la factura ${n} esta lista para ver y pagar`,
    estimate: (b: string, n: string) => `${b}: el presupuesto ${n} esta listo para revisar`,
  },
};

export function paymentLinkText(input: LinkTextInput): string {
  const w = input.business.locale.toLowerCase().startsWith('es') ? words.es : words.en;
  const name = input.business.name;
  const number = input.documentNumber ?? '';
  const line = input.kind === 'customer' ? w.customer(name) : w[input.kind](name, number);
  return `${line}: ${input.url}`;
}
