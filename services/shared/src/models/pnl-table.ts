import { type PriceAxis } from './risk-axis.js';
import { payoffAtExpiry, type PositionLeg, positionValue, type RiskMarket } from './risk-graph.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Clock units a column instant snaps to, largest first: the gap between columns picks the unit. */
const UNITS = [DAY, HOUR, 30 * MINUTE, 15 * MINUTE, 5 * MINUTE, MINUTE] as const;
/**
 * A unit up to this much larger than the gap still fits: a week minus the two hours already gone, in
 * 8 columns, is a gap of 23.7 h, and its columns should still fall on the days.
 */
const UNIT_SLACK = 1.25;

/**
 * The valuation instants (columns) of a P&L table: `count` instants from `now` to `expiry` inclusive,
 * evenly spaced and then snapped to whole clock units counted back from the expiry, so the headers
 * read as a trader's clock: 10:17 → 11:00, 12:00 … 16:00 for a 0DTE in hours, the expiry's time of
 * day on each day for a longer one. The first column is always `now`, the last the expiry instant,
 * and none is past the expiry. When a unit would put two columns on one instant (or onto now) the
 * next smaller unit is used. Once expired, the one column is the expiry; with count 1 it is `now`.
 */
export function tableDates(now: number, expiry: number, count: number): number[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`tableDates needs a whole count ≥ 1, got ${count}`);
  if (!Number.isFinite(now) || !Number.isFinite(expiry)) throw new RangeError(`tableDates needs finite instants, got ${now} and ${expiry}`);
  if (now >= expiry) return [expiry];
  if (count === 1) return [now];
  const step = (expiry - now) / (count - 1);
  const ideals = Array.from({ length: count - 2 }, (_, i) => now + (i + 1) * step);
  // The largest clock unit whose snapped columns stay distinct and strictly inside (now, expiry).
  for (const unit of UNITS) {
    if (unit > step * UNIT_SLACK) continue;
    const snapped = ideals.map((t) => expiry - Math.round((expiry - t) / unit) * unit);
    const columns = [now, ...snapped, expiry];
    if (columns.every((t, i) => i === 0 || t > (columns[i - 1] as number))) return columns;
  }
  return [now, ...ideals, expiry];
}

/**
 * The prices (rows) of a P&L table: ascending multiples of `step` (the strike step) across the axis,
 * at most `count` of them, spaced by the smallest multiple of `step` that fits, and laid on the grid
 * through the step nearest spot, so a row sits on (or within half a step of) spot whenever spot is on
 * the axis. Prices keep the step's decimals (no float noise) and are positive.
 */
export function tablePrices(axis: PriceAxis, spot: number, step: number, count: number): number[] {
  if (!(step > 0) || !Number.isFinite(step)) throw new RangeError(`tablePrices needs a positive step, got ${step}`);
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`tablePrices needs a whole count ≥ 1, got ${count}`);
  if (!(axis.to > axis.from) || !Number.isFinite(axis.from) || !Number.isFinite(axis.to)) throw new RangeError(`tablePrices needs an axis from < to, got ${axis.from}..${axis.to}`);
  const decimals = decimalsOf(step);
  const centre = Math.round((Number.isFinite(spot) ? spot : (axis.from + axis.to) / 2) / step) * step;
  const span = (axis.to - axis.from) / step;
  for (let k = Math.max(1, Math.floor(span / count)); ; k++) {
    const rowStep = k * step;
    const first = Math.ceil((axis.from - centre) / rowStep - 1e-9);
    const last = Math.floor((axis.to - centre) / rowStep + 1e-9);
    if (last - first + 1 > count) continue;
    const rows: number[] = [];
    for (let j = first; j <= last; j++) {
      const price = Number((centre + j * rowStep).toFixed(decimals));
      if (price > 0) rows.push(price);
    }
    if (rows.length > 0) return rows;
    // An axis narrower than one step holds no multiple of it: show the one nearest its middle.
    return [Math.max(Number((Math.round((axis.from + axis.to) / 2 / step) * step).toFixed(decimals)), step)];
  }
}

/**
 * The P&L table, OptionStrat's grid: cells[dateIndex][priceIndex] is the position's P&L (× multiplier:
 * dollars with 100) at that price and instant, marked as the risk graph's "today" line marks it
 * (`positionValue` with the market at that instant). A single-expiry position is taken at exactly its
 * expiry payoff from its expiry on; a calendar's far legs keep their time value at the near expiry.
 */
export function pnlTable(
  legs: readonly PositionLeg[],
  prices: readonly number[],
  dates: readonly number[],
  market: Omit<RiskMarket, 'now'>,
  multiplier = 1,
): number[][] {
  const first = legs.length > 0 ? Math.min(...legs.map((l) => l.expiry)) : Infinity;
  const singleExpiry = legs.every((l) => l.expiry === first);
  return dates.map((now) => {
    if (singleExpiry && now >= first) return prices.map((price) => payoffAtExpiry(legs, price, multiplier));
    const at: RiskMarket = { ...market, now };
    return prices.map((price) => positionValue(legs, price, at, multiplier));
  });
}

function decimalsOf(step: number): number {
  for (let d = 0; d < 10; d++) if (Math.abs(Number(step.toFixed(d)) - step) < 1e-12) return d;
  return 10;
}
