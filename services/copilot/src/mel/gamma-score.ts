import { MEL_TRAIL_WINDOW_MS, type MelInputs } from './mel-inputs.js';
import { clamp, mean, NO_DATA, scoreOf, type ModelScoring } from './score-math.js';

/** Half the band assumed around spot when the producer published no walls: ±0.5 %. */
const DEFAULT_HALF_BAND = 0.005;
/** Each outward break of a wall costs this much of the violations component. */
const VIOLATION_COST = 25;

/**
 * Gamma / level respect: does price behave as the GEX structure says it should — held between the
 * walls, reverting, pinned to the largest gamma strike, under dealer (positive gamma) control?
 * Needs the spot trail (two prints at least) and the GEX profile. docs/MEL.md has each formula.
 */
export function gammaScore(inputs: Pick<MelInputs, 'trail' | 'gex' | 'spot'>): ModelScoring {
  const { trail, gex } = inputs;
  if (!gex || trail.length < 2) return NO_DATA;
  const prices = trail.map((p) => p.price);
  const first = prices[0] as number;
  const last = prices.at(-1) as number;
  const spot = inputs.spot?.price ?? last;
  const hasWalls = gex.putWall !== undefined && gex.callWall !== undefined && gex.callWall > gex.putWall;
  const putWall = hasWalls ? (gex.putWall as number) : spot * (1 - DEFAULT_HALF_BAND);
  const callWall = hasWalls ? (gex.callWall as number) : spot * (1 + DEFAULT_HALF_BAND);
  const band = callWall - putWall;
  const half = band / 2;
  const inside = (p: number): boolean => p >= putWall && p <= callWall;

  let breaks = 0;
  let path = 0;
  for (let i = 1; i < prices.length; i += 1) {
    const [a, b] = [prices[i - 1] as number, prices[i] as number];
    if (inside(a) && !inside(b)) breaks += 1;
    path += Math.abs(b - a);
  }
  // The largest gamma strike by |net| is where dealers' hedging pins price (lowest strike on a tie).
  let magnet = (putWall + callWall) / 2;
  let largest = 0;
  for (const s of gex.strikes) if (Math.abs(s.net) > largest) [magnet, largest] = [s.strike, Math.abs(s.net)];
  let positive = 0;
  let absolute = 0;
  for (const s of gex.strikes) {
    if (Math.abs(s.strike - spot) > half) continue;
    positive += Math.max(0, s.net);
    absolute += Math.abs(s.net);
  }

  const components = {
    levelRespect: (100 * prices.filter(inside).length) / prices.length,
    meanReversion: path === 0 ? 100 : 100 * (1 - Math.abs(last - first) / path),
    pin: 100 * Math.max(0, 1 - Math.abs(mean(prices) - magnet) / half),
    violations: Math.max(0, 100 - VIOLATION_COST * breaks),
    stability: 100 * Math.max(0, 1 - (Math.max(...prices) - Math.min(...prices)) / band),
    dealerControl: absolute === 0 ? 50 : (100 * positive) / absolute,
  };
  const span = clamp(((trail.at(-1)?.ts ?? 0) - (trail[0]?.ts ?? 0)) / MEL_TRAIL_WINDOW_MS, 0, 1);
  return scoreOf(components, (span + (hasWalls ? 1 : 0.5)) / 2);
}
