import { zonedInstant } from '@marketswarm/shared/models';

/**
 * When an index option's settlement value is fixed, in UTC ms: the expiry day's 16:00 New York
 * close for PM settlement, its 09:30 open for AM settlement (the opening prices it is computed
 * from), through the zone's own rules (EST or EDT). undefined for an expiry that is not a calendar
 * date: the leg then stays open.
 */
export function settlementTime(expiry: string, amSettled: boolean): number | undefined {
  return amSettled ? zonedInstant(expiry, 9, 30) : zonedInstant(expiry, 16, 0);
}

/** Settlement value of an option per unit of underlying: what it is in the money by, never negative. */
export function intrinsicValue(right: 'C' | 'P', strikeMicros: number, underlyingMicros: number): number {
  return Math.max(0, right === 'C' ? underlyingMicros - strikeMicros : strikeMicros - underlyingMicros);
}
