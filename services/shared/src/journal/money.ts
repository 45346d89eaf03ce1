/**
 * Journal money is an integer count of micro-dollars (1e-6 of the account currency), the same unit
 * the journal's storage uses. Broker fees carry fractions of a cent (regulatory fees such as
 * $0.0125 per contract), so cents would round them away; a million units per dollar keeps every
 * published fee exact while a JavaScript `number` still sums exactly up to ±9e9 dollars
 * (Number.MAX_SAFE_INTEGER ≈ 9.007e15 micro-dollars).
 */
export const MINOR_PER_UNIT = 1_000_000;
const MINOR_DECIMALS = 6;

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$|^([+-]?)\.(\d+)$/;

/** Throws unless `n` is a safe integer: a sum beyond 2^53 would silently lose micro-dollars. */
export function assertMinor(n: number, what = 'amount'): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a safe integer of micro-dollars, got ${n}`);
  return n;
}

/**
 * Parses a decimal string ("12.5", "-0.0125", ".65") into micro-dollars by splitting on the point
 * and never multiplying a float, so "0.0125" is exactly 12500. More than six significant decimals
 * is refused rather than rounded: a silently rounded fee would make the journal's sums disagree with the broker.
 */
export function toMinor(decimal: string): number {
  const m = DECIMAL.exec(decimal.trim());
  if (!m) throw new RangeError(`not a decimal amount: "${decimal}"`);
  const sign = (m[1] ?? m[4]) === '-' ? -1 : 1;
  const whole = m[2] ?? '0';
  // Trailing zeros carry no value ("0.12500000" is exact), so only significant digits count.
  const fraction = (m[3] ?? m[5] ?? '').replace(/0+$/, '');
  if (fraction.length > MINOR_DECIMALS) throw new RangeError(`more than ${MINOR_DECIMALS} decimals: "${decimal}"`);
  const digits = whole + fraction.padEnd(MINOR_DECIMALS, '0');
  const minor = Number(digits.replace(/^0+(?=\d)/, ''));
  assertMinor(minor, `"${decimal}"`);
  // -0 would print as "0" but compare oddly in Object.is-based assertions.
  return minor === 0 ? 0 : sign * minor;
}

/** Micro-dollars → a decimal number in the account currency, for JSON (the nearest double). */
export function fromMinor(minor: number): number {
  assertMinor(minor);
  return minor / MINOR_PER_UNIT;
}

/** Micro-dollars → the exact decimal string without trailing zeros ("-0.0125", "12.5", "3"). */
export function formatMinor(minor: number): string {
  assertMinor(minor);
  const abs = Math.abs(minor);
  const whole = Math.trunc(abs / MINOR_PER_UNIT);
  const fraction = String(abs % MINOR_PER_UNIT).padStart(MINOR_DECIMALS, '0').replace(/0+$/, '');
  return `${minor < 0 ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * An average of micro-dollar amounts, rounded to the nearest micro-dollar with halves away from
 * zero (so a loss and a win of the same size round symmetrically). Money averages stay integers
 * like every other money field; the rounding is at most half a millionth of a dollar.
 */
export function averageMinor(sum: number, count: number): number {
  assertMinor(sum, 'sum');
  if (!Number.isSafeInteger(count) || count <= 0) throw new RangeError(`count must be a positive integer, got ${count}`);
  // BigInt because the float quotient of two large safe integers can land on the wrong side of .5.
  const s = BigInt(sum);
  const c = BigInt(count);
  const r = s % c;
  const twiceAbsR = 2n * (r < 0n ? -r : r);
  const q = s / c + (twiceAbsR >= c ? (s < 0n ? -1n : 1n) : 0n);
  return q === 0n ? 0 : Number(q);
}
