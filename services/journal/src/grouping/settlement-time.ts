import { exchangeTime } from '@marketswarm/shared/journal';

const NEW_YORK = 'America/New_York';

/**
 * When an index option's settlement value is fixed, in UTC ms: the expiry day's 16:00 New York
 * close for PM settlement, its 09:30 open for AM settlement (the opening prices it is computed
 * from). DST-aware: the two candidate offsets (EST, EDT) are tried against the zone's rules.
 * undefined for an expiry that is not a calendar date: the leg then stays open.
 */
export function settlementTime(expiry: string, amSettled: boolean): number | undefined {
  const [hour, minute] = amSettled ? [9, 30] : [16, 0];
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(expiry);
  if (!match) return undefined;
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  for (const offsetHours of [5, 4]) {
    const candidate = Date.UTC(y, m - 1, d, hour + offsetHours, minute);
    const local = exchangeTime(candidate, NEW_YORK);
    if (local.date === expiry && local.hour === hour) return candidate;
  }
  return undefined;
}

/** Settlement value of an option per unit of underlying: what it is in the money by, never negative. */
export function intrinsicValue(right: 'C' | 'P', strikeMicros: number, underlyingMicros: number): number {
  return Math.max(0, right === 'C' ? underlyingMicros - strikeMicros : strikeMicros - underlyingMicros);
}
