import type { PriceAxis } from '@marketswarm/shared/models';
import type { Scale } from '../../charts/scale';
import { niceStep } from '../../charts/scale';

/** Pure geometry of the risk chart: its P&L domain, frame layout, SVG paths and labels (scales and ticks: charts/scale). */


/**
 * P&L domain of the series (each sampled at `spots`), counting only samples inside `axis` so a curve
 * computed over a wider range does not squash the one drawn; always includes zero, padded by 8% so
 * the lines never touch the frame.
 */
export function pnlDomain(spots: readonly number[], series: readonly (readonly number[])[], axis?: PriceAxis): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const values of series) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const s = spots[i];
      if (v === undefined || s === undefined || !Number.isFinite(v)) continue;
      if (axis !== undefined && (s < axis.from || s > axis.to)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (hi === lo) return [-1, 1];
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

const fmt = (v: number): string => (Math.round(v * 10) / 10).toString();

/** An SVG polyline path through (x, y) pairs; non-finite values break the line. */
export function linePath(xs: readonly number[], ys: readonly number[]): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${fmt(x)} ${fmt(y)}`;
    pen = true;
  }
  return d;
}

/**
 * The area between a curve (`values` at `spots`) and zero, on one side of zero (`sign` 1: profit,
 * −1: loss). The breakevens are inserted as exact zero points, so clamping the samples at zero is exact.
 */
export function areaPath(spots: readonly number[], values: readonly number[], breakevens: readonly number[], sign: 1 | -1, x: Scale, y: Scale): string {
  const samples: { spot: number; v: number }[] = [];
  spots.forEach((spot, i) => {
    const v = values[i];
    if (v !== undefined && Number.isFinite(v)) samples.push({ spot, v });
  });
  const series = [...samples, ...breakevens.map((b) => ({ spot: b, v: 0 }))].sort((a, b) => a.spot - b.spot);
  if (series.length < 2) return '';
  const clamp = (v: number): number => (sign > 0 ? Math.max(v, 0) : Math.min(v, 0));
  if (!series.some((s) => clamp(s.v) !== 0)) return '';
  const first = series[0];
  const last = series[series.length - 1];
  if (first === undefined || last === undefined) return '';
  const line = linePath(series.map((s) => x(s.spot)), series.map((s) => y(clamp(s.v))));
  return `${line}L${fmt(x(last.spot))} ${fmt(y(0))}L${fmt(x(first.spot))} ${fmt(y(0))}Z`;
}

/** Compact dollars for an axis: `$250`, `−$1.2k`, `$15k`. */
export function axisMoney(v: number): string {
  const sign = v < 0 ? '−' : '';
  const a = Math.abs(v);
  if (a >= 1000) return `${sign}$${Number((a / 1000).toFixed(a >= 10_000 ? 0 : 1))}k`;
  return `${sign}$${Number(a.toFixed(a >= 10 ? 0 : 2))}`;
}

/** A price tick's label with as many decimals as the tick step needs (5,000 steps of 5 → "5000"; steps of 0.5 → "5000.5"). */
export function priceTick(value: number, step: number): string {
  let decimals = 0;
  while (decimals < 4 && Math.abs(Math.round(step * 10 ** decimals) - step * 10 ** decimals) > 1e-9) decimals++;
  return value.toFixed(decimals);
}

/**
 * Label rows for markers at pixel `xs` (ascending): each label goes to the lowest row whose previous
 * label ends at least `minGap` pixels before it, up to `maxRows` rows (then it shares the row
 * that has been free the longest), so neighbours never overlap while there is room.
 */
export function labelRows(xs: readonly number[], minGap: number, maxRows = 2): number[] {
  const lastX: number[] = [];
  return xs.map((x) => {
    for (let row = 0; row < maxRows; row++) {
      const prev = lastX[row];
      if (prev === undefined || x - prev >= minGap) {
        lastX[row] = x;
        return row;
      }
    }
    let oldest = 0;
    for (let row = 1; row < maxRows; row++) if ((lastX[row] ?? -Infinity) < (lastX[oldest] ?? -Infinity)) oldest = row;
    lastX[oldest] = x;
    return oldest;
  });
}

/** Date curves cycle through this many dash and colour styles (risk-chart.css: .rg-date-0…2). */
export const DATE_STYLES = 3;

/** Minimum size of the drawing: below it the chart scrolls inside its frame rather than squeezing labels. */
export const MIN_CHART = { width: 260, height: 180 } as const;
/** Rough advance of one character of the chart's 10 px monospace labels. */
export const CHAR_WIDTH = 6.1;

export interface ChartFrame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The plot box inside a `width` × `height` frame: room on the left for the longest P&L label, on top for the spot labels, below for the prices. */
export function chartFrame(width: number, height: number, yLabels: readonly string[]): ChartFrame {
  const w = Math.max(MIN_CHART.width, width);
  const h = Math.max(MIN_CHART.height, height);
  const longest = yLabels.reduce((m, l) => Math.max(m, l.length), 3);
  const left = Math.ceil(longest * CHAR_WIDTH + 12);
  return { width: w, height: h, left, right: w - 14, top: 30, bottom: h - 24 };
}

/** About how many ticks fit along `pixels` when each label is `labelPx` wide and needs as much again of space. */
export function tickTarget(pixels: number, labelPx: number): number {
  return Math.max(2, Math.floor(pixels / Math.max(1, labelPx * 2)));
}

/** The price step of x ticks that keeps labels of `chars` characters apart on `pixels` of axis. */
export function priceTickStep(axis: PriceAxis, pixels: number, chars: number): number {
  return niceStep(axis.to - axis.from, tickTarget(pixels, chars * CHAR_WIDTH));
}
