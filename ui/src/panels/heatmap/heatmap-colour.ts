import { clamp, linearScale } from '../../charts/scale';
import type { ColourBy, ValueDomain } from './heatmap-layout';

/** Viridis, sampled at nine stops: perceptually uniform, readable for colour-blind traders, dark-theme friendly. */
const STOPS: readonly (readonly [number, number, number])[] = [
  [0x44, 0x01, 0x54],
  [0x48, 0x28, 0x78],
  [0x3e, 0x49, 0x89],
  [0x31, 0x68, 0x8e],
  [0x26, 0x82, 0x8e],
  [0x1f, 0x9e, 0x89],
  [0x35, 0xb7, 0x79],
  [0x6e, 0xce, 0x58],
  [0xfd, 0xe7, 0x25],
];

export interface CellColour {
  background: string;
  color: string;
}

/** A cell with no value (reward/risk of an unbounded trade): grey, muted text. */
export const NO_VALUE: CellColour = { background: 'var(--border)', color: 'var(--muted)' };

const unit = (value: number, lo: number, hi: number): number => clamp(linearScale([lo, hi], [0, 1])(value), 0, 1);

/**
 * Position of `value` in `domain` on [0, 1], clamped. Reward/risk spans orders of magnitude (0.2 near
 * the money, 40 far out), so it is placed on a log scale; debit is linear.
 */
export function normalise(value: number, domain: ValueDomain, by: ColourBy): number {
  if (!Number.isFinite(value)) return 0;
  if (by === 'rewardRisk') {
    const f = (x: number): number => Math.log(Math.max(x, 1e-3));
    return unit(f(value), f(domain.min), f(domain.max));
  }
  return unit(value, domain.min, domain.max);
}

/** Viridis at t ∈ [0, 1] as `rgb(r g b)`, and the rgb triple for contrast checks. */
export function viridis(t: number): [number, number, number] {
  const x = clamp(Number.isFinite(t) ? t : 0, 0, 1) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = STOPS[i] ?? STOPS[0]!;
  const b = STOPS[i + 1] ?? a;
  return [0, 1, 2].map((c) => Math.round(a[c]! + (b[c]! - a[c]!) * f)) as [number, number, number];
}

/** WCAG relative luminance of an sRGB colour (0 black … 1 white). */
export function luminance([r, g, b]: readonly [number, number, number]): number {
  const lin = (v: number): number => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Background and readable text colour for a cell's value (null or no domain → grey). */
export function cellColour(value: number | null, domain: ValueDomain | undefined, by: ColourBy): CellColour {
  if (value === null || domain === undefined || !Number.isFinite(value)) return NO_VALUE;
  const rgb = viridis(normalise(value, domain, by));
  // Dark text on the bright (green/yellow) end, light text on the dark (purple/blue) end.
  const color = luminance(rgb) > 0.18 ? '#0d1117' : '#e6edf3';
  return { background: `rgb(${rgb[0]} ${rgb[1]} ${rgb[2]})`, color };
}
