/** Prices the bench publishes for the streamed symbol: tick index → price (rounded to the cent). */
export type SpotPath = (tick: number) => number;

const cents = (x: number): number => Math.round(x * 100) / 100;

/** ±0.25 around `around`, alternating: every event a visible change of the header's price. */
export function alternatingPath(around: number): SpotPath {
  return (i) => cents(around + (i % 2 === 0 ? 0.25 : -0.25));
}

/**
 * A triangle wave of ±`amplitude` around `around`, one period every `periodTicks` ticks: every
 * tick a new price, and far enough apart between two throttled redraws that a fly's P&L today
 * readout changes (an alternating ±0.25 could land on the same price at every redraw).
 */
export function trianglePath(around: number, amplitude: number, periodTicks: number): SpotPath {
  const period = Math.max(4, Math.round(periodTicks));
  return (i) => {
    const phase = (i % period) / period; // 0…1
    const wave = phase < 0.25 ? phase * 4 : phase < 0.75 ? 2 - phase * 4 : phase * 4 - 4; // 0 → 1 → −1 → 0
    return cents(around + amplitude * wave);
  };
}
