import { buildHeatmapTiles, type ChainOption, type HeatmapTiles } from '@marketswarm/shared/models';

/** A recorded slice of an SPX chain expiring Wednesday 2 January 2030 at the 16:00 New York close. */
export const CHAIN_EXPIRY = Date.UTC(2030, 0, 2, 21);
export const CHAIN_DATE = '2030-01-02';

const option = (type: 'call' | 'put', strike: number, mid: number): ChainOption => ({ strike, expiry: CHAIN_EXPIRY, type, mid, gamma: 0.001, openInterest: 1000, iv: 0.16 });

/** The heatmap of the slice with only the 5000 call moved: the 5000/5010 call vertical is worth c5000 − 8.10. */
export function recordedTiles(c5000: number): HeatmapTiles {
  const chain = [option('call', 4990, 17.2), option('call', 5000, c5000), option('call', 5010, 8.1), option('call', 5020, 5.0), option('put', 4990, 9.55)];
  return buildHeatmapTiles(chain, { now: Date.now(), widths: [10] });
}

/** The 5000/5010 call debit vertical of the slice, as saved positions and orders take legs. */
export const CALL_VERTICAL = [
  { expiry: CHAIN_DATE, strike: 5000, right: 'call', ratio: 1 },
  { expiry: CHAIN_DATE, strike: 5010, right: 'call', ratio: -1 },
];
