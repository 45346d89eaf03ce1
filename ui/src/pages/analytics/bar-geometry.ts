import { linearScale, ticksAround } from '../../charts/scale';

/**
 * Pure geometry of the dashboard's small SVG bar charts: signed values (P&L) around a zero line, as
 * vertical columns (hour, weekday, DTE, the P&L histogram) or horizontal rows (symbol, tag, strategy,
 * whose labels are long). No React here, so every coordinate is tested as numbers.
 */

export interface BarDatum {
  key: string;
  label: string;
  value: number;
}

export interface Bar extends BarDatum {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Below (columns) or left of (rows) the zero line. */
  negative: boolean;
}

export interface Tick {
  value: number;
  /** y of a column chart's tick, x of a row chart's. */
  at: number;
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface BarChartGeometry {
  width: number;
  height: number;
  bars: Bar[];
  /** Where zero is: y for columns, x for rows. */
  zero: number;
  ticks: Tick[];
  /** The plot area inside the padding. */
  plot: { x: number; y: number; width: number; height: number };
}

/** The value domain: round ticks covering the values and zero, so a bar always starts on the zero line. */
function valueTicks(values: readonly number[], target: number): number[] {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  return ticksAround(lo, hi, target);
}

/** Vertical columns across `width`, values up from (or down from) the zero line; `gap` is the fraction of a slot left empty. */
export function columnChart(data: readonly BarDatum[], width: number, height: number, padding: Padding, gap = 0.2): BarChartGeometry {
  const plot = { x: padding.left, y: padding.top, width: Math.max(0, width - padding.left - padding.right), height: Math.max(0, height - padding.top - padding.bottom) };
  if (data.length === 0) return { width, height, bars: [], zero: plot.y + plot.height, ticks: [], plot };
  const ticks = valueTicks(data.map((d) => d.value), 4);
  const y = linearScale([ticks[0]!, ticks.at(-1)!], [plot.y + plot.height, plot.y]);
  const zero = y(0);
  const slot = plot.width / data.length;
  const barWidth = slot * (1 - gap);
  const bars = data.map((d, i) => {
    const top = Math.min(y(d.value), zero);
    return { ...d, x: plot.x + i * slot + (slot - barWidth) / 2, y: top, width: barWidth, height: Math.abs(y(d.value) - zero), negative: d.value < 0 };
  });
  return { width, height, bars, zero, ticks: ticks.map((value) => ({ value, at: y(value) })), plot };
}

/** Horizontal rows, one `rowHeight` each (the chart grows with the rows), bars left or right of the zero line. */
export function rowChart(data: readonly BarDatum[], width: number, rowHeight: number, padding: Padding, gap = 0.25): BarChartGeometry {
  const height = padding.top + padding.bottom + data.length * rowHeight;
  const plot = { x: padding.left, y: padding.top, width: Math.max(0, width - padding.left - padding.right), height: data.length * rowHeight };
  if (data.length === 0) return { width, height, bars: [], zero: plot.x, ticks: [], plot };
  // Row charts are narrow across their values: fewer ticks keep the labels apart.
  const ticks = valueTicks(data.map((d) => d.value), 3);
  const x = linearScale([ticks[0]!, ticks.at(-1)!], [plot.x, plot.x + plot.width]);
  const zero = x(0);
  const barHeight = rowHeight * (1 - gap);
  const bars = data.map((d, i) => ({
    ...d,
    x: Math.min(x(d.value), zero),
    y: plot.y + i * rowHeight + (rowHeight - barHeight) / 2,
    width: Math.abs(x(d.value) - zero),
    height: barHeight,
    negative: d.value < 0,
  }));
  return { width, height, bars, zero, ticks: ticks.map((value) => ({ value, at: x(value) })), plot };
}
