/**
 * The test form's card number and expiry, formatted as the customer types (issue 11), as card
 * forms do: "4242 4242 4242 4242" (American Express 4-6-5: "3782 822463 10005") and "12 / 30".
 * Deleting is never fought: a deletion keeps the digits left without adding a separator back.
 */
import { digits } from './sandbox-checks.ts';

export function formatCardNumber(text: string): string {
  const number = digits(text).replace(/\D/g, '').slice(0, 19);
  const groups = /^3[47]/.test(number) ? [4, 6, 5] : [4, 4, 4, 4, 3];
  const parts: string[] = [];
  let at = 0;
  for (const size of groups) {
    if (at >= number.length) break;
    parts.push(number.slice(at, at + size));
    at += size;
  }
  return parts.join(' ');
}

/** `deleting`: the input was a deletion (its `inputType` starts with "delete"). */
export function formatExpiry(text: string, deleting: boolean): string {
  let month = text.replace(/\D/g, '').slice(0, 4);
  if (deleting) {
    // Deleting through " / " takes the separator with it, not a digit back in.
    return month.length > 2 ? `${month.slice(0, 2)} / ${month.slice(2)}` : month;
  }
  // "4" can only be April: 04.
  if (/^[2-9]$/.test(month)) month = `0${month}`;
  if (month.length < 2) return month;
  return `${month.slice(0, 2)} / ${month.slice(2)}`;
}
