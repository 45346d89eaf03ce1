/** What one model's scorer returns before the snapshot adds its state and trend. */
export interface ModelScoring {
  /** 0–100: the mean of `components`, 0 when the model has nothing to stand on. */
  score: number;
  /** Sub-scores, 0–100 each, named as docs/MEL.md documents them. */
  components: Record<string, number>;
  /** 0..1: how much of the data the model wants it had. */
  confidence: number;
}

/** A model with none of the data it needs: not trusted (REVOKED), and saying so with confidence 0. */
export const NO_DATA: ModelScoring = { score: 0, components: {}, confidence: 0 };

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;
}

/** 100 × the smaller over the larger of two non-negative magnitudes: 100 when they agree, 0 when one is nil. Two nils agree. */
export function agreement(a: number, b: number): number {
  const high = Math.max(a, b);
  return high === 0 ? 100 : (100 * Math.min(a, b)) / high;
}

/** 100 up to `fullUntil`, 0 from `zeroFrom`, linear between: how fresh something `age` old is. */
export function freshness(age: number, fullUntil: number, zeroFrom: number): number {
  if (age <= fullUntil) return 100;
  if (age >= zeroFrom) return 0;
  return (100 * (zeroFrom - age)) / (zeroFrom - fullUntil);
}

/** The score of a set of components: their mean, with the components kept for the response. */
export function scoreOf(components: Record<string, number>, confidence: number): ModelScoring {
  return { score: clamp(mean(Object.values(components)), 0, 100), components, confidence: clamp(confidence, 0, 1) };
}
