/** One streaming window's animation frames, from the `requestAnimationFrame` timestamps recorded in the page. */
export interface FrameGaps {
  frames: number;
  framesPerSec: number;
  /** framesPerSec ÷ 60: how close the page came to a 60 Hz display's every frame. */
  ratioTo60: number;
  p50GapMs: number;
  p95GapMs: number;
  maxGapMs: number;
  /** Gaps longer than 1.5 frames at 60 Hz (25 ms): at least one frame the display had to repeat. */
  missedFrames: number;
}

const FRAME_60_MS = 1000 / 60;

/** The value at quantile q (0…1) of sorted values, nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index]!;
}

/** `timestamps` are rAF times (ms, ascending) inside a window of `windowMs`. */
export function frameGaps(timestamps: readonly number[], windowMs: number): FrameGaps {
  const gaps: number[] = [];
  for (let i = 1; i < timestamps.length; i++) gaps.push(timestamps[i]! - timestamps[i - 1]!);
  gaps.sort((a, b) => a - b);
  const framesPerSec = windowMs > 0 ? timestamps.length / (windowMs / 1000) : 0;
  return {
    frames: timestamps.length,
    framesPerSec,
    ratioTo60: framesPerSec / 60,
    p50GapMs: quantile(gaps, 0.5),
    p95GapMs: quantile(gaps, 0.95),
    maxGapMs: gaps.length === 0 ? 0 : gaps[gaps.length - 1]!,
    missedFrames: gaps.filter((g) => g > 1.5 * FRAME_60_MS).length,
  };
}
