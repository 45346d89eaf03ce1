export interface LatencySummary {
  samples: number;
  p50Ms: number | null;
  p90Ms: number | null;
  p99Ms: number | null;
  p999Ms: number | null;
  maxMs: number | null;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? null;
}

export function summariseLatency(values: readonly number[]): LatencySummary {
  const sorted = Float64Array.from(values).sort();
  const list = Array.from(sorted);
  const round = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);
  return {
    samples: list.length,
    p50Ms: round(percentile(list, 50)),
    p90Ms: round(percentile(list, 90)),
    p99Ms: round(percentile(list, 99)),
    p999Ms: round(percentile(list, 99.9)),
    maxMs: round(list.length ? list[list.length - 1]! : null),
  };
}

export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return null;
  return a / b;
}
