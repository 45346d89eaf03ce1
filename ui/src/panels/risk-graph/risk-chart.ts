import type { RiskGraphPoint } from '@marketswarm/shared/models';
import type { Scale } from '../../charts/scale';

/** Pure geometry of the risk chart: its P&L domain, SVG paths and labels (scales and ticks: charts/scale). */

/** P&L domain of the lines (and of each position's own line, `extra`), always including zero, padded by 8% so the lines never touch the frame. */
export function pnlDomain(points: readonly RiskGraphPoint[], extra: readonly (readonly number[])[] = []): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const p of points) {
    lo = Math.min(lo, p.expiry, p.today ?? 0);
    hi = Math.max(hi, p.expiry, p.today ?? 0);
  }
  for (const series of extra) {
    for (const v of series) {
      if (!Number.isFinite(v)) continue;
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
 * The area between the expiry line and zero, on one side of zero (`sign` 1: profit, −1: loss). The
 * breakevens are inserted as exact zero points, so clamping the samples at zero is exact.
 */
export function areaPath(points: readonly RiskGraphPoint[], breakevens: readonly number[], sign: 1 | -1, x: Scale, y: Scale): string {
  const series = [...points.map((p) => ({ spot: p.spot, v: p.expiry })), ...breakevens.map((b) => ({ spot: b, v: 0 }))].sort((a, b) => a.spot - b.spot);
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

/**
 * Label rows for the breakeven markers: neighbours closer than `minGap` pixels alternate between two
 * rows so their labels do not overlap.
 */
export function labelRows(xs: readonly number[], minGap: number): number[] {
  const rows: number[] = [];
  xs.forEach((x, i) => {
    const prev = xs[i - 1];
    const prevRow = rows[i - 1] ?? 1;
    rows.push(prev !== undefined && Math.abs(x - prev) < minGap ? 1 - prevRow : 0);
  });
  return rows;
}
