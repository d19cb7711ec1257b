/**
 * Money arithmetic in integer minor units. This module holds the one rounding rule of Pay Portal:
 * half away from zero at the minor unit. Widget and server both import it; it has no dependencies.
 */

/** The largest amount any single figure may hold: 10^12 minor units (ten billion dollars). */
export const MAX_AMOUNT = 1_000_000_000_000;

/** Divides `numerator` by `denominator` and rounds half away from zero, exactly (BigInt inside). */
export function divideRounded(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator === 0) {
    throw new RangeError('divideRounded needs safe integers and a non-zero denominator');
  }
  return roundQuotient(BigInt(numerator), BigInt(denominator));
}

/** `amount` × `basisPoints` / 10 000, rounded half away from zero. 1 850 bp is 18.5 %. */
export function applyBasisPoints(amount: number, basisPoints: number): number {
  if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(basisPoints)) {
    throw new RangeError('applyBasisPoints needs safe integers');
  }
  return roundQuotient(BigInt(amount) * BigInt(basisPoints), 10_000n);
}

function roundQuotient(numerator: bigint, denominator: bigint): number {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (2n * n + d) / (2n * d);
  return Number(negative ? -rounded : rounded);
}

/** Whole percent (18) or fractional percent (18.5) to basis points, refusing finer precision. */
export function percentToBasisPoints(percent: number): number {
  const basisPoints = Math.round(percent * 100);
  if (Math.abs(basisPoints - percent * 100) > 1e-6) {
    throw new RangeError(`percent ${percent} has more than two decimals`);
  }
  return basisPoints;
}

/** ISO 4217 currencies whose minor unit is the major unit (no decimals). */
const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);
const THREE_DECIMAL = new Set(['bhd', 'iqd', 'jod', 'kwd', 'lyd', 'omr', 'tnd']);

/** How many decimals a currency's minor unit has: 0 for JPY, 3 for KWD, 2 for most. */
export function minorUnitDigits(currency: string): number {
  const code = currency.toLowerCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}

/** Formats minor units for people through `Intl`: formatMoney(1250, 'usd', 'en') is "$12.50". */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  const digits = minorUnitDigits(currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount / 10 ** digits);
}

/** Parses what a person typed ("12.5", "1,234.50") into minor units, or null when it is not money. */
export function parseMoney(text: string, currency: string): number | null {
  const digits = minorUnitDigits(currency);
  const cleaned = text.trim().replace(/[\s,]/g, '');
  const pattern =
    digits === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{0,${digits}})?$|^\\.\\d{1,${digits}}$`);
  if (!pattern.test(cleaned)) return null;
  const [whole = '0', fraction = ''] = cleaned.split('.');
  const amount = Number(whole || '0') * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(amount) && amount <= MAX_AMOUNT ? amount : null;
}

/** True for a safe integer amount in [min, MAX_AMOUNT]. */
export function isAmount(value: unknown, min = 0): value is number {
  return (
    typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= MAX_AMOUNT
  );
}

/**
 * Splits `total` over parts in proportion to `weights`, in whole minor units that add up to
 * `total` exactly (largest remainder): each part gets its share rounded down, then the units left
 * go one each to the largest remainders, the earliest part first on a tie. All safe integers ≥ 0.
 */
export function allocateInProportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const shares = weights.map((weight, index) => {
    const product = BigInt(total) * BigInt(weight);
    return { index, floor: Number(product / BigInt(sum)), remainder: product % BigInt(sum) };
  });
  let left = total - shares.reduce((a, share) => a + share.floor, 0);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  const result = shares.map((share) => share.floor);
  for (const share of byRemainder) {
    if (left === 0) break;
    result[share.index]! += 1;
    left -= 1;
  }
  return result;
}
