/**
 * Every decimal the journal stores — money, prices, strikes, quantities, multipliers, tick sizes —
 * is a fixed-point integer of millionths ("micros": 1.25 USD is 1_250_000). A broker fee of
 * $0.0065 per share stays exactly 6_500, sums are integer additions, and nothing is rounded until
 * JSON, where `microsToNumber` gives the decimal a reader expects.
 *
 * Micros are JavaScript numbers that must stay safe integers (|v| ≤ 2^53 − 1, about 9 billion
 * dollars): every function here refuses a result outside that range instead of losing a cent, and
 * the database layer hands BIGINT columns back as numbers under the same check.
 */
export type Micros = number;

/**
 * Parsing, formatting and the JSON conversion are the shared journal money module's (the unit the
 * analytics and the UI use), under the names the storage layer reads best; the arithmetic below
 * is what only storage needs.
 */
export { MINOR_PER_UNIT as MICROS_PER_UNIT, toMinor as parseMicros, formatMinor as formatMicros, fromMinor as microsToNumber } from '@marketswarm/shared/journal';

/** Micros from a whole number of units (contracts, dollars). */
export function unitsToMicros(units: number): Micros {
  if (!Number.isSafeInteger(units)) throw new RangeError(`${units} is not a whole number of units`);
  return toSafe(BigInt(units) * 1_000_000n, String(units));
}

export function addMicros(...values: Micros[]): Micros {
  let sum = 0n;
  for (const value of values) sum += BigInt(assertMicros(value));
  return toSafe(sum, 'sum');
}

export function subtractMicros(a: Micros, b: Micros): Micros {
  return toSafe(BigInt(assertMicros(a)) - BigInt(assertMicros(b)), 'difference');
}

/**
 * The product of two fixed-point values (quantity × price, price × multiplier), computed exactly in
 * BigInt. Whole quantities and multipliers give exact micros; a fractional share times a price can
 * carry more than 6 decimals, and only then is the result rounded half away from zero.
 */
export function multiplyMicros(a: Micros, b: Micros): Micros {
  const product = BigInt(assertMicros(a)) * BigInt(assertMicros(b));
  const quotient = product / 1_000_000n;
  const remainder = product % 1_000_000n;
  const doubled = (remainder < 0n ? -remainder : remainder) * 2n;
  const rounded = doubled >= 1_000_000n ? quotient + (product < 0n ? -1n : 1n) : quotient;
  return toSafe(rounded, 'product');
}

/**
 * Micros from a canonical decimal string that may carry more than six decimals (IBKR reports
 * commissions such as 1.1108314): rounded half away from zero at the sixth, an error under half a
 * millionth of a dollar per fill, where `parseMicros` would refuse the row. Exact decimals are unchanged.
 */
export function parseMicrosRounded(decimal: string): Micros {
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(decimal.trim());
  if (!match) throw new RangeError(`not a decimal amount: "${decimal}"`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const kept = BigInt(whole + fraction.slice(0, 6).padEnd(6, '0'));
  const roundsUp = (fraction[6] ?? '0') >= '5';
  const magnitude = roundsUp ? kept + 1n : kept;
  return toSafe(sign === '-' ? -magnitude : magnitude, `"${decimal}"`);
}

export function assertMicros(value: Micros): Micros {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not a micros value (a safe integer)`);
  return value;
}

function toSafe(value: bigint, what: string): Micros {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${what} is beyond ±${Number.MAX_SAFE_INTEGER} micros (about 9 billion units)`);
  }
  return Number(value);
}
