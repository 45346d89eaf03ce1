import { fitPriceAxis, zoomAxis, type PriceAxis } from '@marketswarm/shared/models';
import { useCallback, useState } from 'react';
import type { RiskAxisKeys } from './risk-axis-keys';

/** What the auto-fit reads, and when it and the trader's zoom move on (see riskAxisKeys). */
export interface AxisFitInput {
  keys: RiskAxisKeys;
  spot: number;
  vol: number;
  years: number;
  breakevens: readonly number[];
  strikes: readonly number[];
}

export interface RiskAxis {
  axis: PriceAxis;
  /** True while the trader's zoom or pan is shown instead of the auto-fit. */
  adjusted: boolean;
  set: (axis: PriceAxis) => void;
  zoom: (factor: number, anchor: number) => void;
  reset: () => void;
}

/**
 * The risk graph's price axis: fitted to the positions (±1.5 expected moves, every strike and
 * breakeven inside) once per fit key, so a spot tick does not shift the picture under the trader;
 * the trader's zoom and pan hold until reset or until the hold key changes (another symbol, a new
 * option in the book) — not on a quantity change or a position switched on or off.
 */
export function useRiskAxis(input: AxisFitInput): RiskAxis {
  const [fitted, setFitted] = useState<{ key: string; axis: PriceAxis } | null>(null);
  const [chosen, setChosen] = useState<{ key: string; axis: PriceAxis } | null>(null);
  const { fit: fitKey, hold: key } = input.keys;
  let auto = fitted?.key === fitKey ? fitted.axis : undefined;
  if (auto === undefined) {
    auto = fitPriceAxis({ spot: input.spot, vol: input.vol, years: input.years, breakevens: input.breakevens, strikes: input.strikes });
    // Remembering the fit during render (React's pattern for state derived from props) keeps it until the key moves on.
    setFitted({ key: fitKey, axis: auto });
  }
  const own = chosen?.key === key ? chosen.axis : undefined;
  const axis = own ?? auto;
  const set = useCallback((next: PriceAxis) => setChosen({ key, axis: next }), [key]);
  const zoom = useCallback(
    (factor: number, anchor: number) => setChosen((c) => ({ key, axis: zoomAxis(c?.key === key ? c.axis : axis, factor, anchor) })),
    [key, axis],
  );
  const reset = useCallback(() => setChosen(null), []);
  return { axis, adjusted: own !== undefined, set, zoom, reset };
}
