import type { TopicPayload } from '@marketswarm/shared/events';
import { linearScale, ticksAround } from '../../charts/scale';

/** Pure geometry of the GEX chart: data normalisation, the strike window, bars and labels (scales and ticks: charts/scale). */

export type GexRow = {
  strike: number;
  /** Call GEX, normally ≥ 0. */
  call: number;
  /** Put GEX, normally ≤ 0. */
  put: number;
  /** call + put unless the producer sent its own. */
  net: number;
};

/** The `gex` payload as the chart uses it. */
export interface GexView {
  /** Ascending by strike, one row per strike. */
  rows: GexRow[];
  spot: number | undefined;
  total: number;
  callWall: number | undefined;
  putWall: number | undefined;
  flip: number | undefined;
}

/** The `gex` topic payload, validated at the stream boundary by the shared schema. */
export type GexPayloadLike = TopicPayload<'gex'>;

const finiteOr = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** The chart's view of a payload: `net`, `total` and the levels are optional, and a NaN level is dropped. */
export function toGexView(payload: GexPayloadLike): GexView {
  const byStrike = new Map<number, GexRow>();
  for (const s of payload.strikes) {
    byStrike.set(s.strike, { strike: s.strike, call: s.call, put: s.put, net: finiteOr(s.net) ?? s.call + s.put });
  }
  const rows = [...byStrike.values()].sort((a, b) => a.strike - b.strike);
  return {
    rows,
    spot: finiteOr(payload.spot),
    total: finiteOr(payload.total) ?? rows.reduce((sum, r) => sum + r.net, 0),
    callWall: finiteOr(payload.callWall),
    putWall: finiteOr(payload.putWall),
    flip: finiteOr(payload.flip),
  };
}

/**
 * The `count` rows whose strikes are nearest `center` (contiguous, ascending). Without a centre the
 * middle of the chain is used. `rows` ascending by strike.
 */
export function nearestWindow<T extends { strike: number }>(rows: readonly T[], center: number | undefined, count: number): T[] {
  if (count <= 0 || rows.length === 0) return [];
  if (rows.length <= count) return [...rows];
  let nearest = Math.floor((rows.length - 1) / 2);
  if (center !== undefined) {
    let best = Infinity;
    rows.forEach((r, i) => {
      const d = Math.abs(r.strike - center);
      if (d < best) [best, nearest] = [d, i];
    });
  }
  const c = center ?? rows[nearest]!.strike;
  let lo = nearest;
  let hi = nearest + 1; // [lo, hi)
  while (hi - lo < count) {
    const below = rows[lo - 1];
    const above = rows[hi];
    if (above === undefined || (below !== undefined && c - below.strike <= above.strike - c)) lo--;
    else hi++;
  }
  return rows.slice(lo, hi);
}

export interface SeriesVisibility {
  calls: boolean;
  puts: boolean;
  net: boolean;
}

/** The value range the visible series need, always including 0. */
export function gexExtent(rows: readonly GexRow[], visible: SeriesVisibility): [number, number] {
  let min = 0;
  let max = 0;
  for (const r of rows) {
    const values = [visible.calls ? r.call : 0, visible.puts ? r.put : 0, visible.net ? r.net : 0];
    for (const v of values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return [min, max];
}

const UNITS = [
  { size: 1e12, suffix: 'T' },
  { size: 1e9, suffix: 'B' },
  { size: 1e6, suffix: 'M' },
  { size: 1e3, suffix: 'K' },
] as const;

/** Dollar-gamma in compact units: 1.2B, −350M, 12K, 0 (a true minus sign, as on a terminal). */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  const sign = value < 0 ? '\u2212' : '';
  const short = (n: number): string => (n < 9.95 ? String(Number(n.toFixed(1))) : String(Math.round(n)));
  for (let i = UNITS.length - 1; i >= 0; i--) {
    const unit = UNITS[i]!;
    const bigger = UNITS[i - 1];
    if (abs >= unit.size && (bigger === undefined || abs < bigger.size)) {
      const text = short(abs / unit.size);
      // 999.7M rounds to 1000M: say 1B instead.
      if (bigger !== undefined && Number(text) >= 1000) return `${sign}${short(abs / bigger.size)}${bigger.suffix}`;
      return `${sign}${text}${unit.suffix}`;
    }
  }
  const text = short(abs);
  if (Number(text) >= 1000) return `${sign}1K`;
  return text === '0' ? '0' : `${sign}${text}`;
}

/** A strike or level price as the axis shows it: no decimals unless it has them. */
export function formatStrike(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/**
 * Vertical position of a price against rows drawn at `ys` (same order as `strikes`, ascending),
 * linearly between the two strikes around it; undefined outside the drawn strikes.
 */
export function priceToY(price: number, strikes: readonly number[], ys: readonly number[]): number | undefined {
  for (let i = 0; i < strikes.length; i++) {
    const s = strikes[i]!;
    const y = ys[i]!;
    if (price === s) return y;
    const next = strikes[i + 1];
    const nextY = ys[i + 1];
    if (next !== undefined && nextY !== undefined && price > s && price < next) return y + ((price - s) / (next - s)) * (nextY - y);
  }
  return undefined;
}

export interface ChartSize {
  width: number;
  height: number;
}

export interface GexMargins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const GEX_MARGINS: GexMargins = { top: 10, right: 92, bottom: 24, left: 60 };

export interface BarGeom {
  strike: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LevelMark {
  kind: 'spot' | 'flip' | 'call-wall' | 'put-wall';
  label: string;
  y: number;
  /** Where the label is centred: `y`, nudged apart from the other labels. */
  labelY: number;
}

/**
 * Moves label centres apart to at least `gap` (keeping their order by y and staying within
 * [top, bottom] where there is room). `ys` in any order; the answer is in the same order.
 */
export function spreadLabels(ys: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const placed = order.map((o) => Math.min(bottom, Math.max(top, o.y)));
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap);
  // Pushed past the bottom: shift up from the end, as far as the top allows.
  const last = placed.length - 1;
  if (last >= 0 && placed[last]! > bottom) {
    placed[last] = bottom;
    for (let k = last - 1; k >= 0; k--) placed[k] = Math.min(placed[k]!, placed[k + 1]! - gap);
  }
  const out = new Array<number>(ys.length);
  order.forEach((o, k) => (out[o.i] = placed[k]!));
  return out;
}

export interface GexLayout {
  plot: { left: number; right: number; top: number; bottom: number };
  /** x of GEX 0. */
  zeroX: number;
  xTicks: { value: number; x: number; label: string }[];
  strikeLabels: { strike: number; y: number; label: string }[];
  calls: BarGeom[];
  puts: BarGeom[];
  /** Polyline points of net GEX, top to bottom. */
  net: { x: number; y: number }[];
  marks: LevelMark[];
  band: number;
}

/**
 * Horizontal bars, one row per strike with the highest strike on top; GEX along x with 0 where the
 * padded nice domain puts it. `rows` is the window to draw (ascending).
 */
export function gexLayout(
  rows: readonly GexRow[],
  levels: { spot: number | undefined; callWall: number | undefined; putWall: number | undefined; flip: number | undefined },
  visible: SeriesVisibility,
  size: ChartSize,
  margins: GexMargins = GEX_MARGINS,
): GexLayout {
  const plot = {
    left: margins.left,
    right: Math.max(margins.left + 1, size.width - margins.right),
    top: margins.top,
    bottom: Math.max(margins.top + 1, size.height - margins.bottom),
  };
  const [min, max] = gexExtent(rows, visible);
  const targetTicks = Math.max(2, Math.min(6, Math.floor((plot.right - plot.left) / 70)));
  const ticks = ticksAround(min, max, targetTicks);
  const x = linearScale([ticks[0]!, ticks[ticks.length - 1]!], [plot.left, plot.right]);
  const n = rows.length;
  const band = n === 0 ? 0 : (plot.bottom - plot.top) / n;
  const ys = rows.map((_, i) => plot.top + (n - 1 - i + 0.5) * band);
  const strikes = rows.map((r) => r.strike);
  const barHeight = Math.max(1, band * 0.72);
  const zeroX = x(0);
  const bar = (r: GexRow, i: number, value: number): BarGeom => ({
    strike: r.strike,
    x: Math.min(zeroX, x(value)),
    y: ys[i]! - barHeight / 2,
    width: Math.abs(x(value) - zeroX),
    height: barHeight,
  });
  // Strike labels need ~12 px each; thin them evenly when rows are tighter.
  const every = band > 0 ? Math.max(1, Math.ceil(12 / band)) : 1;
  const found: Omit<LevelMark, 'labelY'>[] = [];
  const mark = (kind: LevelMark['kind'], price: number | undefined, label: (p: string) => string): void => {
    if (price === undefined) return;
    const y = priceToY(price, strikes, ys);
    if (y !== undefined) found.push({ kind, label: label(formatStrike(price)), y });
  };
  mark('spot', levels.spot, (p) => `Spot ${p}`);
  mark('flip', levels.flip, (p) => `Flip ${p}`);
  mark('call-wall', levels.callWall, () => 'Call wall');
  mark('put-wall', levels.putWall, () => 'Put wall');
  const labelYs = spreadLabels(
    found.map((m) => m.y),
    13,
    plot.top + 6,
    plot.bottom - 6,
  );
  const marks = found.map((m, i) => ({ ...m, labelY: labelYs[i]! }));
  return {
    plot,
    zeroX,
    xTicks: ticks.map((value) => ({ value, x: x(value), label: formatCompact(value) })),
    strikeLabels: rows.flatMap((r, i) => ((n - 1 - i) % every === 0 ? [{ strike: r.strike, y: ys[i]!, label: formatStrike(r.strike) }] : [])),
    calls: visible.calls ? rows.map((r, i) => bar(r, i, r.call)) : [],
    puts: visible.puts ? rows.map((r, i) => bar(r, i, r.put)) : [],
    net: visible.net ? rows.map((r, i) => ({ x: x(r.net), y: ys[i]! })).reverse() : [],
    marks,
    band,
  };
}
