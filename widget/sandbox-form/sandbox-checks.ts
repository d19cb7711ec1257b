/**
 * What the test form checks before anything is sent, the way a card form does as you type:
 * Luhn, an expiry that is a month to come, the CVC's length, the routing number's checksum.
 * For display only: the server checks again and decides (server/payments/sandbox-instruments.ts).
 * Each problem is named by the server's code for it.
 */
export type CardField = 'number' | 'expiry' | 'cvc';
export type BankField = 'routing' | 'account';
export type SandboxField = CardField | BankField;

export const digits = (text: string): string => text.replace(/[\s-]/g, '');

export function luhnValid(number: string): boolean {
  let sum = 0;
  for (let index = 0; index < number.length; index += 1) {
    let digit = Number(number[number.length - 1 - index]);
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** "12/34", "12 / 2034", "1234" → month and four-digit year, or null. */
export function readExpiry(text: string): { month: number; year: number } | null {
  const match = /^(\d{1,2})\s*\/?\s*(\d{2}|\d{4})$/.exec(text.trim());
  if (!match) return null;
  const year = Number(match[2]);
  return { month: Number(match[1]), year: year < 100 ? 2000 + year : year };
}

/** The server's code for what is wrong with a card field, or null. */
export function checkCard(field: CardField, values: Record<SandboxField, string>, at = new Date()) {
  const number = digits(values.number);
  if (field === 'number') {
    return /^\d{12,19}$/.test(number) && luhnValid(number) ? null : 'incorrect_number';
  }
  if (field === 'expiry') {
    const expiry = readExpiry(values.expiry);
    if (!expiry || expiry.month < 1 || expiry.month > 12) return 'invalid_expiry_month';
    const now = at.getFullYear() * 12 + at.getMonth();
    return expiry.year * 12 + expiry.month - 1 < now ? 'invalid_expiry_year' : null;
  }
  const amex = /^3[47]/.test(number);
  return new RegExp(`^\\d{${amex ? 4 : 3}}$`).test(values.cvc.trim()) ? null : 'invalid_cvc';
}

export function checkBank(field: BankField, values: Record<SandboxField, string>) {
  const value = digits(values[field]);
  if (field === 'account') return /^\d{4,17}$/.test(value) ? null : 'invalid_account_number';
  if (!/^\d{9}$/.test(value)) return 'invalid_routing_number';
  const d = [...value].map(Number) as number[];
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  return sum % 10 === 0 ? null : 'invalid_routing_number';
}

/** The server's `param` (`sandbox.exp_year`) as the form's field. */
export function fieldOf(param: string | null): SandboxField | null {
  const names: Record<string, SandboxField> = {
    'sandbox.card_number': 'number',
    'sandbox.exp_month': 'expiry',
    'sandbox.exp_year': 'expiry',
    'sandbox.cvc': 'cvc',
    'sandbox.routing_number': 'routing',
    'sandbox.account_number': 'account',
  };
  return param ? (names[param] ?? null) : null;
}
