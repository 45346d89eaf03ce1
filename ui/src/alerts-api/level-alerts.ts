import type { AlertBodyInput } from '@marketswarm/shared/dto';

export type WallSide = 'call' | 'put';

/**
 * A price alert at a GEX wall: it fires when the price reaches the wall from where it is now (a wall
 * above spot on the way up, below on the way down; any cross when spot is unknown or on it). The
 * wall and its strike go into `sourceRef`, so the alert manager can say where the level came from.
 */
export function wallAlertBody(symbol: string, side: WallSide, strike: number, spot: number | undefined): Extract<AlertBodyInput, { kind: 'price' }> {
  const level = Math.round(strike * 100) / 100;
  const direction = spot === undefined || spot === level ? 'cross' : level > spot ? 'above' : 'below';
  return { kind: 'price', symbol, level, direction, source: 'gex-wall', sourceRef: `${side}-wall:${level}`, label: `${symbol} ${side} wall ${level}` };
}
