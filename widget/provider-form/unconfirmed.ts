/**
 * The payments made on this tab that the customer has not completed (not confirmed, declined, a
 * new total not accepted, a 3-D Secure step left open), kept in sessionStorage with the page
 * load that made them. Before a flow makes a payment, it cancels its own last one and those a
 * page reload left behind (another page load's), so what they hold never blocks the new one
 * (docs/payments.md, "Canceling"); another element's on this same page is its own business.
 * Only ids are kept: canceling one through another link's token is a 404, nothing else. Where a
 * page refuses storage, nothing outlives the page.
 */
const KEY = 'pay-portal:unconfirmed-payments';
/** This page load. */
const PAGE = crypto.randomUUID();

interface Unconfirmed {
  id: string;
  page: string;
}

function read(): Unconfirmed[] {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    return Array.isArray(stored)
      ? stored.filter((entry) => typeof entry?.id === 'string' && typeof entry?.page === 'string')
      : [];
  } catch {
    return [];
  }
}

function write(entries: Unconfirmed[]): void {
  try {
    // A few at most: each is canceled at the next payment, then forgotten.
    if (entries.length > 0) sessionStorage.setItem(KEY, JSON.stringify(entries.slice(-5)));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage refused (a sandboxed frame, a private mode): the flow's own attempt still counts.
  }
}

/** The uncompleted payments of earlier page loads of this tab. */
export function leftBehind(): string[] {
  return read()
    .filter((entry) => entry.page !== PAGE)
    .map((entry) => entry.id);
}

export function rememberUnconfirmed(id: string): void {
  write([...read().filter((entry) => entry.id !== id), { id, page: PAGE }]);
}

export function forgetUnconfirmed(id: string): void {
  write(read().filter((entry) => entry.id !== id));
}
