/**
 * Exact decimal strings for broker amounts. Amounts stay as scaled BigInts between reading and
 * writing, so a fee of 0.0125 or a sum of SEC + TAF fees is never rounded through a float.
 */

interface Scaled {
  units: bigint;
  scale: number;
}

/** `1,000.50`, `+500`, `-.05`, `$3.00`, `(1.25)` as written by brokers; null when it is not a number. */
export function parseDecimal(text: string): string | null {
  let value = text.trim().replace(/[$,]/g, '');
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(value);
  if (parenthesised) {
    negative = true;
    value = parenthesised[1] ?? '';
  }
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(value);
  if (!match) return null;
  const [, sign, whole = '', fraction = ''] = match;
  if (whole === '' && fraction === '') return null;
  if (sign === '-') negative = !negative;
  return format({ units: BigInt(`${whole || '0'}${fraction}`) * (negative ? -1n : 1n), scale: fraction.length });
}

function toScaled(decimal: string): Scaled {
  const [whole = '0', fraction = ''] = decimal.split('.');
  const negative = whole.startsWith('-');
  const units = BigInt(`${negative ? whole.slice(1) : whole}${fraction}`);
  return { units: negative ? -units : units, scale: fraction.length };
}

function rescale(value: Scaled, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

/** Canonical form: no trailing fraction zeros, no `-0`. */
function format({ units, scale }: Scaled): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  const body = fraction ? `${whole}.${fraction}` : whole;
  return negative && body !== '0' ? `-${body}` : body;
}

export function addDecimals(...values: string[]): string {
  const scaled = values.map(toScaled);
  const scale = Math.max(0, ...scaled.map((v) => v.scale));
  return format({ units: scaled.reduce((sum, v) => sum + rescale(v, scale), 0n), scale });
}

export function negateDecimal(value: string): string {
  const { units, scale } = toScaled(value);
  return format({ units: -units, scale });
}

export function absDecimal(value: string): string {
  return value.startsWith('-') ? value.slice(1) : value;
}

export function isNegativeDecimal(value: string): boolean {
  return value.startsWith('-');
}

export function isZeroDecimal(value: string): boolean {
  return value === '0';
}

/**
 * Splits `total` over weights (contracts per leg) in cents (or the total's own finer unit), the
 * remainder going to the first legs, so the parts always add back to the total exactly: $2.60 over
 * 1/2/1 contracts is 0.65 + 1.30 + 0.65, and $1.00 over three equal legs is 0.34 + 0.33 + 0.33.
 */
export function allocateDecimal(total: string, weights: readonly bigint[], minScale = 2): string[] {
  const given = toScaled(total);
  const scaled = { units: rescale(given, Math.max(given.scale, minScale)), scale: Math.max(given.scale, minScale) };
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum <= 0n) return weights.map(() => '0');
  const negative = scaled.units < 0n;
  const magnitude = negative ? -scaled.units : scaled.units;
  const parts = weights.map((w) => (magnitude * w) / sum);
  let remainder = magnitude - parts.reduce((a, b) => a + b, 0n);
  for (let i = 0; remainder > 0n; i = (i + 1) % parts.length) {
    if ((weights[i] ?? 0n) > 0n) {
      parts[i] = (parts[i] ?? 0n) + 1n;
      remainder -= 1n;
    }
  }
  return parts.map((units) => format({ units: negative ? -units : units, scale: scaled.scale }));
}
