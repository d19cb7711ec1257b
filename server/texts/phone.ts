/**
 * Phone numbers as texts need them: E.164 (`+15555550123`). Customers type numbers as they like
 * ("(555) 555-0123", "+1 555 555 0123"); ten digits are taken as a North American number (the
 * portal's box is shown to US customers first), any other number must carry its `+` and country
 * code. E.164 allows at most 15 digits.
 */
export function toE164(typed: string): string | null {
  const trimmed = typed.trim();
  if (!/^\+?[0-9 ().-]{7,24}$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) {
    return digits.length >= 8 && digits.length <= 15 && digits[0] !== '0' ? `+${digits}` : null;
  }
  if (digits.length === 10 && /^[2-9]/.test(digits)) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1') && /^1[2-9]/.test(digits)) return `+${digits}`;
  return null;
}

/** "+1 555 555 0123" for a North American number, else the E.164 form as is. */
export function displayPhone(e164: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return nanp ? `+1 ${nanp[1]} ${nanp[2]} ${nanp[3]}` : e164;
}
