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

export const MICROS_PER_UNIT = 1_000_000;

const DECIMAL = /^([+-])?(\d+)(?:\.(\d*))?$|^([+-])?\.(\d+)$/;

/** Parses a plain decimal string ("1.25", "-0.0065", ".5") exactly, from its digits; more than 6 decimals is refused, never rounded. */
export function parseMicros(text: string): Micros {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new RangeError(`"${text}" is not a decimal number`);
  const sign = (match[1] ?? match[4]) === '-' ? -1n : 1n;
  const whole = match[2] ?? '0';
  const fraction = (match[3] ?? match[5] ?? '').replace(/0+$/, '');
  if (fraction.length > 6) throw new RangeError(`"${text}" has more than 6 decimals; the journal keeps millionths exactly and does not round`);
  const micros = sign * (BigInt(whole) * 1_000_000n + BigInt(fraction.padEnd(6, '0')));
  return toSafe(micros, text);
}

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

/** The exact decimal text: 1_250_000 → "1.25", -6_500 → "-0.0065", 0 → "0". */
export function formatMicros(value: Micros): string {
  const micros = BigInt(assertMicros(value));
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  const whole = abs / 1_000_000n;
  const fraction = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * For JSON only: the double nearest the exact decimal (an integer divided by 10^6 is correctly
 * rounded, so this equals `Number(formatMicros(value))`). Never feed the result back into sums.
 */
export function microsToNumber(value: Micros): number {
  return assertMicros(value) / MICROS_PER_UNIT;
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
