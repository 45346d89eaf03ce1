import { type PriceAxis } from './risk-axis.js';
import { payoffAtExpiry, type PositionLeg, positionValue, type RiskMarket } from './risk-graph.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Clock units a column step is a whole number of, largest first. */
const UNITS = [DAY, HOUR, 30 * MINUTE, 15 * MINUTE, 5 * MINUTE, MINUTE] as const;
/**
 * A unit up to this much larger than the even gap still fits: a week minus the two hours already
 * gone, in 8 columns, is a gap of 23.7 h, and its columns should still fall on the days.
 */
const UNIT_SLACK = 1.25;

/**
 * The valuation instants (columns) of a P&L table: `now`, then instants equally spaced back from the
 * expiry by one step, at most `count` in all. The step is a whole number of one clock unit (the
 * largest unit that fits the even gap `(expiry − now) / (count − 1)`, times as many as keep the
 * columns within `count`), so the headers read as a trader's clock and every gap after the first is
 * the same: 12:00 → 16:00 in 6 is 12:00, 13:00 … 16:00 (5 columns, not 6 uneven ones); a week out
 * they sit on the expiry's time of day. Only the first gap, from `now` to the first step, may be
 * shorter — and a step closer to `now` than half a step is left out, so the first gap is between half
 * and one and a half steps. Once expired, the one column is the expiry; with count 1 it is `now`.
 */
export function tableDates(now: number, expiry: number, count: number): number[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`tableDates needs a whole count ≥ 1, got ${count}`);
  if (!Number.isFinite(now) || !Number.isFinite(expiry)) throw new RangeError(`tableDates needs finite instants, got ${now} and ${expiry}`);
  if (now >= expiry) return [expiry];
  if (count === 1) return [now];
  const gap = (expiry - now) / (count - 1);
  const unit = UNITS.find((u) => u <= gap * UNIT_SLACK);
  // Less than a minute apart: no clock unit is fine enough, so the plain even split.
  if (unit === undefined) return Array.from({ length: count }, (_, i) => (i === count - 1 ? expiry : now + i * gap));
  // At least the even gap, so at most count − 1 steps fit after now.
  const step = Math.max(1, Math.ceil(gap / unit - 1e-9)) * unit;
  const columns = [expiry];
  for (let t = expiry - step; t - now >= step / 2; t -= step) columns.unshift(t);
  // A step that lands on now is now's own column.
  if (columns[0] !== now) columns.unshift(now);
  return columns;
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
