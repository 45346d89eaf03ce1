/**
 * BigInt arithmetic that splits amounts without losing a micro. Products of micros (price ×
 * quantity × multiplier) are exact in BigInt; only a division rounds, and it rounds
 * cumulatively, so the parts of an amount always add up to the amount itself.
 */

/** n / d rounded half away from zero. */
export function divRound(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  const negative = n < 0n !== d < 0n;
  const [an, ad] = [n < 0n ? -n : n, d < 0n ? -d : d];
  const quotient = an / ad;
  const rounded = (an % ad) * 2n >= ad ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}

/**
 * The share of `total` that goes with the part of `whole` from `done` to `done + part`: the
 * difference of two cumulative roundings. Taking a whole in several parts, in any sizes, gives
 * parts whose sum is exactly `total`, and each part is within one micro of its exact pro-rata value.
 */
export function shareOf(total: bigint, whole: bigint, done: bigint, part: bigint): bigint {
  return divRound(total * (done + part), whole) - divRound(total * done, whole);
}

/** A BigInt of micros back to a number, refusing anything beyond the safe-integer range. */
export function toMicros(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError(`${value} micros is beyond the safe-integer range`);
  return Number(value);
}

export const MICROS = 1_000_000n;
/** micros × micros × micros → micros: price × multiplier × quantity carries two extra factors of a million. */
export const MICROS_SQUARED = MICROS * MICROS;

export function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}
